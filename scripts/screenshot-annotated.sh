#!/usr/bin/env bash
# Writes docs/annotated.png: the annotated reference (`jixiao audit fixtures/yutian-commerce-2025.docx --annotate`)
# rendered by LibreOffice with its comments in the right margin, one page, PDF -> PNG. Run from the repository root.
#
# Needs:
# - LibreOffice >= 7.6 (the PDF export option ExportNotesInMargin appeared in 7.6; Debian 12's own 7.4.7 cannot draw
#   comments into a PDF at all). Made with LibreOffice 25.2.3 from Debian's bookworm-backports, unpacked beside the
#   system's 7.4 (which the tests use) into /opt/lo-new by `--install-lo` below. Another LibreOffice >= 7.6: SOFFICE=path.
# - poppler-utils (pdftoppm, pdftotext); pngquant if present (shrinks the PNG about 3x; without it ~390 KB).
#
#   scripts/screenshot-annotated.sh --install-lo   # once, as root on Debian 12 with libreoffice-writer 7.4 installed
#   scripts/screenshot-annotated.sh                # PAGE=11 DPI=150 OUT=docs/annotated.png by default
#
# --install-lo adds a bookworm-backports sources entry for a moment, `apt-get download`s the LibreOffice packages,
# removes the entry again and refreshes the lists, then `dpkg -x`es the packages into $LO_PREFIX: nothing is
# installed or replaced (`soffice --version` still says 7.4.7). The system LibreOffice's dependencies supply the
# shared libraries; the only one it lacks (libzxcvbn0) is unpacked too. Paths that point into /usr/lib/libreoffice
# or /etc/libreoffice are redirected to the unpacked tree.
#
# LibreOffice 25.2 sizes the margin comments by the UI comment-sidebar width (DisplayWidthFactor, default 3.0), so
# they run off the right edge of the page (tdf#163194, fixed later); the private profile sets it to 2.0.
set -euo pipefail

LO_PREFIX=${LO_PREFIX:-/opt/lo-new}
SOFFICE=${SOFFICE:-$LO_PREFIX/usr/lib/libreoffice/program/soffice}
PAGE=${PAGE:-11}
DPI=${DPI:-150}
OUT=${OUT:-docs/annotated.png}
src=fixtures/yutian-commerce-2025.docx

install_lo() {
  [ "$(id -u)" = 0 ] || { echo "--install-lo needs root" >&2; exit 1; }
  local list=/etc/apt/sources.list.d/jixiao-screenshot-backports.sources debs
  debs=$(mktemp -d)
  chmod 755 "$debs"
  chown _apt "$debs" 2>/dev/null || true # so that apt-get downloads as _apt, not unsandboxed
  trap 'rm -f "$list"; rm -rf "$debs"' EXIT
  printf '%s\n' 'Types: deb' 'URIs: http://deb.debian.org/debian' 'Suites: bookworm-backports' 'Components: main' \
    'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' >"$list"
  apt-get update -qq
  local v
  v=$(apt-cache madison libreoffice-writer | awk -F' *[|] *' '$3 ~ /bookworm-backports/ { print $2; exit }')
  [ -n "$v" ] || { echo "no libreoffice-writer in bookworm-backports" >&2; exit 1; }
  echo "downloading LibreOffice $v"
  local pkgs=() p
  for p in libreoffice-writer libreoffice-core libreoffice-common libreoffice-base-core libreoffice-uiconfig-common \
    libreoffice-uiconfig-writer libreoffice-style-colibre ure uno-libs-private libuno-sal3 libuno-cppu3 \
    libuno-cppuhelpergcc3-3 libuno-purpenvhelpergcc3-3 libuno-salhelpergcc3-3; do
    pkgs+=("$p=$v")
  done
  (cd "$debs" && apt-get download -q "${pkgs[@]}" libzxcvbn0)
  rm -f "$list"
  apt-get update -qq # the lists as they were, without backports
  mkdir -p "$LO_PREFIX"
  for p in "$debs"/*.deb; do dpkg -x "$p" "$LO_PREFIX"; done
  local l t
  while IFS= read -r l; do # absolute links into the system tree -> the unpacked tree
    t=$(readlink "$l")
    if [ "$t" = /etc/libreoffice/registry/main.xcd ]; then
      ln -sfn "$LO_PREFIX/usr/lib/libreoffice/share/.registry/main.xcd" "$l" # ucf's copy, made by postinst
    elif [ -e "$LO_PREFIX$t" ]; then
      ln -sfn "$LO_PREFIX$t" "$l"
    fi
  done < <(find "$LO_PREFIX" -type l -lname '/*')
  sed -i "s#^BRAND_BASE_DIR=file:///usr/lib/libreoffice\$#BRAND_BASE_DIR=file://$LO_PREFIX/usr/lib/libreoffice#" \
    "$LO_PREFIX/usr/lib/libreoffice/program/fundamentalrc"
  rm -rf "$debs"
  trap - EXIT
}

if [ "${1:-}" = --install-lo ]; then
  install_lo
  shift
  [ "${1:-}" = --no-shot ] && exit 0
fi

if [ -d "$LO_PREFIX/usr/lib/libreoffice/program" ] && [ "${SOFFICE#"$LO_PREFIX"}" != "$SOFFICE" ]; then
  # The unpacked LibreOffice: its own UNO libraries before the system's 7.4 ones.
  export LD_LIBRARY_PATH="$LO_PREFIX/usr/lib/libreoffice/program:$LO_PREFIX/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
fi
[ -x "$SOFFICE" ] || { echo "no LibreOffice at $SOFFICE (run with --install-lo, or set SOFFICE)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/profile/user"
cat >"$tmp/profile/user/registrymodifications.xcu" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Writer/Notes"><prop oor:name="DisplayWidthFactor" oor:op="fuse"><value>2.0</value></prop></item>
</oor:items>
EOF
lo=("$SOFFICE" "-env:UserInstallation=file://$tmp/profile" --headless --norestore)

version=$("${lo[@]}" --version | awk '{ print $2 }')
IFS=. read -r major minor _ <<<"$version"
if [ "$major" -lt 7 ] || { [ "$major" = 7 ] && [ "$minor" -lt 6 ]; }; then
  echo "LibreOffice $version cannot draw comments in a PDF; ExportNotesInMargin needs >= 7.6" >&2
  exit 1
fi
echo "LibreOffice $version"

npm run build --silent
node dist/cli/main.js audit "$src" --annotate -o "$tmp/out" --quiet
docx="$tmp/out/yutian-commerce-2025.批注.docx"
[ -f "$docx" ] || { echo "no annotated copy written" >&2; exit 1; }

"${lo[@]}" --convert-to \
  'pdf:writer_pdf_Export:{"ExportNotesInMargin":{"type":"boolean","value":"true"},"ExportNotes":{"type":"boolean","value":"false"}}' \
  --outdir "$tmp" "$docx" >/dev/null 2>&1
pdf="$tmp/yutian-commerce-2025.批注.pdf"
[ -f "$pdf" ] || { echo "LibreOffice wrote no PDF" >&2; exit 1; }
for ((i = 1; i <= $(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }'); i++)); do
  printf 'page %2d: %2d comments\n' "$i" "$(pdftotext -f "$i" -l "$i" "$pdf" - | grep -o '【[错警][误告]】' | wc -l)"
done

# Crop to the words on the page (body and margin comments) plus a little border, in pixels at $DPI.
read -r x y w h < <(pdftotext -f "$PAGE" -l "$PAGE" -bbox "$pdf" - | awk -v dpi="$DPI" -F'"' '
  /<word / { if (n++ == 0 || $2 < x0) x0 = $2; if (n == 1 || $4 < y0) y0 = $4; if ($6 > x1) x1 = $6; if ($8 > y1) y1 = $8 }
  END { s = dpi / 72; p = 8; x = int((x0 - p) * s); y = int((y0 - p) * s);
        printf "%d %d %d %d\n", x, y, int((x1 + p) * s) - x, int((y1 + p) * s) - y }')
pdftoppm -png -r "$DPI" -f "$PAGE" -l "$PAGE" -singlefile -x "$x" -y "$y" -W "$w" -H "$h" "$pdf" "$tmp/page"
mkdir -p "$(dirname "$OUT")"
if command -v pngquant >/dev/null; then
  pngquant --quality 70-95 --speed 1 --strip --force --output "$OUT" "$tmp/page.png"
else
  cp "$tmp/page.png" "$OUT"
fi
echo "$OUT: page $PAGE, ${w}x${h} px, $(stat -c %s "$OUT") bytes"
