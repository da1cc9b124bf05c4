import { useEffect, useState } from 'preact/hooks';

export type ThemeChoice = 'auto' | 'light' | 'dark';
const KEY = 'sentracore.theme';
const listeners = new Set<() => void>();

export function storedTheme(): ThemeChoice {
  const value = localStorage.getItem(KEY);
  return value === 'light' || value === 'dark' ? value : 'auto';
}

/** Applies a theme: `auto` follows the system's light or dark setting. */
export function applyTheme(choice: ThemeChoice): void {
  if (choice === 'auto') {
    delete document.documentElement.dataset.theme;
    localStorage.removeItem(KEY);
  } else {
    document.documentElement.dataset.theme = choice;
    localStorage.setItem(KEY, choice);
  }
  for (const listener of listeners) listener();
}

/** The theme in effect ('light' or 'dark'), re-rendering when it changes (by choice or by the system). */
export function useTheme(): 'light' | 'dark' {
  const effective = () =>
    (document.documentElement.dataset.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')) as 'light' | 'dark';
  const [theme, setTheme] = useState(effective);
  useEffect(() => {
    const update = () => setTheme(effective());
    const media = matchMedia('(prefers-color-scheme: dark)');
    listeners.add(update);
    media.addEventListener('change', update);
    return () => {
      listeners.delete(update);
      media.removeEventListener('change', update);
    };
  }, []);
  return theme;
}
