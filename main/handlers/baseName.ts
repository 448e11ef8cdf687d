// The file name shown in the UI and in messages, for Windows and POSIX paths alike.
export function baseName(filePath: string): string {
  const parts = filePath.split(/[\\/]/).filter((part) => part.length > 0);
  return parts.length > 0 ? parts[parts.length - 1]! : filePath;
}
