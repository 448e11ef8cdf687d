// The cultures offered for reading dates in pasted server output (the shell printed them in its
// culture: 11/28/2021 en-US, 28/11/2021 en-GB, 28.11.2021 de-DE / ru-RU).
export const ESTATE_LOCALES: readonly { id: string; label: string }[] = [
  { id: 'en-US', label: 'month/day (en-US)' },
  { id: 'en-GB', label: 'day/month (en-GB)' },
  { id: 'en-AU', label: 'day/month (en-AU)' },
  { id: 'de-DE', label: 'day.month (de-DE)' },
  { id: 'fr-FR', label: 'day/month (fr-FR)' },
  { id: 'ru-RU', label: 'day.month (ru-RU)' },
];
