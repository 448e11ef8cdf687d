// Which rows of a long list to render: the ones in view plus a few either side ("overscan"),
// so thousands of files cost as much to draw as a screenful.

export function visibleRange(count: number, scrollTop: number, viewportHeight: number, rowHeight: number, overscan: number): { first: number; last: number } {
  const first = Math.min(count, Math.max(0, Math.floor(scrollTop / rowHeight) - overscan));
  const last = Math.min(count, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return { first, last: Math.max(first, last) };
}

/** The indices to render: the window, and the selected row wherever it is (it holds the keyboard focus). */
export function renderedIndices(range: { first: number; last: number }, selectedIndex: number): number[] {
  const indices: number[] = [];
  if (selectedIndex >= 0 && selectedIndex < range.first) indices.push(selectedIndex);
  for (let i = range.first; i < range.last; i++) indices.push(i);
  if (selectedIndex >= range.last) indices.push(selectedIndex);
  return indices;
}
