// Files dragged onto the window or pasted outside a text field open; pasted certificate text
// opens as a file, pasted server output joins the estate.
import { useEffect, useState } from 'react';
import type { OpenResult } from '../platform/platform.js';
import { readBrowserFiles } from '../platform/web.js';
import { isEditable } from './isEditable.js';
import { looksLikeCertificateText } from './openPipeline.js';

interface DropAndPasteTargets {
  openInputs(result: OpenResult): Promise<void>;
  openText(text: string): Promise<void>;
  addServerOutput(text: string): Promise<boolean>;
}

/** Listens on the window; returns whether files are being dragged over it (for the overlay). */
export function useDropAndPaste({ openInputs, openText, addServerOutput }: DropAndPasteTargets): boolean {
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // dragenter / dragleave fire for every child crossed: count them, the drag left when back at 0.
    let depth = 0;
    const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = async (e: DragEvent) => {
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length > 0) await openInputs(readBrowserFiles(files));
    };
    const onPaste = async (e: ClipboardEvent) => {
      if (isEditable(e.target)) return;
      const files = [...(e.clipboardData?.files ?? [])];
      if (files.length > 0) {
        e.preventDefault();
        await openInputs(readBrowserFiles(files));
        return;
      }
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (looksLikeCertificateText(text)) {
        e.preventDefault();
        void openText(text);
      } else if (text.trim()) {
        // Server output pasted anywhere outside a text field: the worker says whether it is.
        e.preventDefault();
        await addServerOutput(text);
      }
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('paste', onPaste);
    };
  }, [openInputs, openText, addServerOutput]);

  return dragging;
}
