// prom-client 15 prints NaN as `Nan` (lib/util.js); the text exposition format spells it `NaN`, and
// strict parsers (promtool, other scrapers) reject anything else. Only sample values are touched:
// `# HELP`/`# TYPE` lines and label values pass through unchanged.
const NAN_VALUE = /^([^#\s][^ ]*(?:\{.*\})?) Nan(?= |$)/gm;

/** The exposition text with special values spelled as the format does (`NaN`, `+Inf`, `-Inf`). */
export function spellSpecialValues(text: string): string {
  return text.replace(NAN_VALUE, '$1 NaN');
}
