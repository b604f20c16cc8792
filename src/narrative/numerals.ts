const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100 };

/** Reads a count written in Arabic or Chinese numerals (11, 十一, 二十三, 两, 一百零五); null when absent or unreadable. */
export function parseChineseCount(text: string | undefined): number | null {
  if (text === undefined || text === "") return null;
  const ascii = text.normalize("NFKC");
  if (/^\d+$/.test(ascii)) return Number(ascii);
  let total = 0;
  let digit: number | null = null;
  for (const char of text) {
    if (char in DIGITS) {
      digit = DIGITS[char]!;
    } else if (char in UNITS) {
      total += (digit ?? 1) * UNITS[char]!;
      digit = null;
    } else {
      return null;
    }
  }
  return total + (digit ?? 0);
}

const NUMERALS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"] as const;

/** Writes 1–99 in Chinese numerals as item numbers are written (一, 十, 十一, 二十三). */
export function toChineseNumeral(n: number): string {
  if (n < 10) return NUMERALS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : NUMERALS[tens]!}十${ones === 0 ? "" : NUMERALS[ones]!}`;
}
