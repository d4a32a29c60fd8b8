/**
 * A non-secret note in sessionStorage: it lives as long as the tab and holds no token. Storage
 * that refuses access (privacy modes) reads as "no note" and keeps nothing.
 */
export interface TabNote {
  present(): boolean;
  set(): void;
  clear(): void;
  /** Whether the note is there; it is removed in the same step. */
  take(): boolean;
}

export function tabNote(key: string): TabNote {
  const note: TabNote = {
    present() {
      try {
        return sessionStorage.getItem(key) === '1';
      } catch {
        return false;
      }
    },
    set() {
      try {
        sessionStorage.setItem(key, '1');
      } catch {
        // Without storage the note is simply never there.
      }
    },
    clear() {
      try {
        sessionStorage.removeItem(key);
      } catch {
        // Nothing stored, nothing to clear.
      }
    },
    take() {
      const present = note.present();
      note.clear();
      return present;
    },
  };
  return note;
}
