/** The web bundle loads the shipped YAML files as text (esbuild's text loader; see scripts/web-bundle.mjs). */
declare module "*.yaml" {
  const text: string;
  export default text;
}
