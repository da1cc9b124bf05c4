/** The length of a day, for UTC day files, retention and default ranges (SPEC §6). */
export const DAY_SEC = 86_400;
export const DAY_MS = DAY_SEC * 1000;
