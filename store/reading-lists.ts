// Reading lists in the store: named lists of passages and answer sentences, each item carrying its own citation,
// with notes and an order. The tables are in store/schema.ts; this module is their only SQL.
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ArchiveError } from '../lib/errors.ts';
import { readingListDefaults } from '../lib/config.ts';
import type { CitedSpan } from '../lib/types.ts';

/** Where an item comes from: enough to cite it without the archive (the document may be gone later). */
export interface ItemSource extends CitedSpan {
  fileName?: string | null;
  headingPath?: string[];
}

export type ItemKind = 'passage' | 'answer';

export interface ItemDraft {
  kind: ItemKind;
  /** The passage, or the answer sentence. */
  text: string;
  /** For answer sentences: the question asked. */
  question?: string | null;
  note?: string;
  source: ItemSource;
}

export interface ReadingListItem extends Required<Omit<ItemDraft, 'question'>> {
  id: number;
  question: string | null;
  addedAt: string;
}

export interface ReadingListSummary {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  itemCount: number;
}

export interface ReadingList extends ReadingListSummary {
  items: ReadingListItem[];
}

/** What the archive offers of reading lists (archive/api.ts). Unknown ids throw ERR_LIST_NOT_FOUND / ERR_LIST_ITEM_NOT_FOUND. */
export interface ReadingLists {
  list(): ReadingListSummary[];
  create(name: string): ReadingList;
  get(id: string): ReadingList | null;
  rename(id: string, name: string): ReadingList;
  remove(id: string): boolean;
  /** An item of the same kind over the same span as one already on the list is that item, not a second copy. */
  addItem(listId: string, item: ItemDraft): ReadingListItem;
  setNote(listId: string, itemId: number, note: string): ReadingListItem;
  removeItem(listId: string, itemId: number): void;
  /** `itemIds` must name every item of the list exactly once: the new order. */
  reorder(listId: string, itemIds: number[]): ReadingList;
}

interface ListRow {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
  item_count: number;
}

interface ItemRow {
  id: number;
  kind: ItemKind;
  text: string;
  question: string | null;
  note: string;
  source: string;
  added_at: string;
}

const LIST_SQL = `SELECT l.id, l.name, l.created_at, l.updated_at,
  (SELECT COUNT(*) FROM reading_list_items i WHERE i.list_id = l.id) AS item_count FROM reading_lists l`;

const toSummary = (r: ListRow): ReadingListSummary => ({
  id: r.id, name: r.name, createdAt: r.created_at, updatedAt: r.updated_at, itemCount: r.item_count,
});

const toItem = (r: ItemRow): ReadingListItem => ({
  id: r.id, kind: r.kind, text: r.text, question: r.question, note: r.note,
  source: JSON.parse(r.source) as ItemSource, addedAt: r.added_at,
});

function full(limit: string, n: number): ArchiveError {
  const e = new ArchiveError('ERR_LIST_FULL', limit);
  e.limit = n;
  return e;
}

export class ReadingListStore implements ReadingLists {
  constructor(private readonly db: Database.Database, private readonly limits = readingListDefaults) {}

  list(): ReadingListSummary[] {
    return (this.db.prepare(`${LIST_SQL} ORDER BY l.updated_at DESC, l.name`).all() as ListRow[]).map(toSummary);
  }

  create(name: string): ReadingList {
    const count = (this.db.prepare('SELECT COUNT(*) AS n FROM reading_lists').get() as { n: number }).n;
    if (count >= this.limits.maxLists) throw full(`at most ${this.limits.maxLists} reading lists`, this.limits.maxLists);
    const id = randomBytes(16).toString('base64url');
    const now = new Date().toISOString();
    this.db.prepare('INSERT INTO reading_lists (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(id, name, now, now);
    return this.mustGet(id);
  }

  get(id: string): ReadingList | null {
    const row = this.db.prepare(`${LIST_SQL} WHERE l.id = ?`).get(id) as ListRow | undefined;
    if (!row) return null;
    const items = this.db.prepare('SELECT * FROM reading_list_items WHERE list_id = ? ORDER BY position, id').all(id) as ItemRow[];
    return { ...toSummary(row), items: items.map(toItem) };
  }

  rename(id: string, name: string): ReadingList {
    this.mustGet(id);
    this.db.prepare('UPDATE reading_lists SET name = ?, updated_at = ? WHERE id = ?').run(name, new Date().toISOString(), id);
    return this.mustGet(id);
  }

  remove(id: string): boolean {
    return this.db.prepare('DELETE FROM reading_lists WHERE id = ?').run(id).changes > 0;
  }

  addItem(listId: string, item: ItemDraft): ReadingListItem {
    const tx = this.db.transaction(() => {
      const list = this.mustGet(listId);
      // A double click or a retried request must not put the same passage on the list twice (the page, too, treats
      // kind + document + span as one item).
      const same = list.items.find((i) => i.kind === item.kind && i.source.docId === item.source.docId
        && i.source.start === item.source.start && i.source.end === item.source.end);
      if (same) return same;
      if (list.itemCount >= this.limits.maxItems) throw full(`at most ${this.limits.maxItems} items in a reading list`, this.limits.maxItems);
      const position = this.maxPosition(listId) + 1;
      const info = this.db
        .prepare(`INSERT INTO reading_list_items (list_id, position, kind, text, question, note, source, added_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(listId, position, item.kind, item.text, item.question ?? null, item.note ?? '', JSON.stringify(item.source), new Date().toISOString());
      this.touch(listId);
      return this.mustGetItem(listId, Number(info.lastInsertRowid));
    });
    return tx.immediate();
  }

  setNote(listId: string, itemId: number, note: string): ReadingListItem {
    this.mustGetItem(listId, itemId);
    this.db.prepare('UPDATE reading_list_items SET note = ? WHERE id = ? AND list_id = ?').run(note, itemId, listId);
    this.touch(listId);
    return this.mustGetItem(listId, itemId);
  }

  removeItem(listId: string, itemId: number): void {
    this.mustGetItem(listId, itemId);
    this.db.prepare('DELETE FROM reading_list_items WHERE id = ? AND list_id = ?').run(itemId, listId);
    this.touch(listId);
  }

  reorder(listId: string, itemIds: number[]): ReadingList {
    const tx = this.db.transaction(() => {
      const current = this.mustGet(listId).items.map((i) => i.id);
      const same = itemIds.length === current.length && new Set(itemIds).size === itemIds.length && current.every((id) => itemIds.includes(id));
      if (!same) throw new ArchiveError('ERR_BAD_REQUEST', 'items: the new order must name every item of the list exactly once', 'items');
      const set = this.db.prepare('UPDATE reading_list_items SET position = ? WHERE id = ? AND list_id = ?');
      itemIds.forEach((id, position) => set.run(position, id, listId));
      this.touch(listId);
      return this.mustGet(listId);
    });
    return tx.immediate();
  }

  private maxPosition(listId: string): number {
    return (this.db.prepare('SELECT MAX(position) AS p FROM reading_list_items WHERE list_id = ?').get(listId) as { p: number | null }).p ?? -1;
  }

  private touch(listId: string): void {
    this.db.prepare('UPDATE reading_lists SET updated_at = ? WHERE id = ?').run(new Date().toISOString(), listId);
  }

  private mustGet(id: string): ReadingList {
    const list = this.get(id);
    if (!list) throw new ArchiveError('ERR_LIST_NOT_FOUND', id);
    return list;
  }

  private mustGetItem(listId: string, itemId: number): ReadingListItem {
    this.mustGet(listId);
    const row = this.db.prepare('SELECT * FROM reading_list_items WHERE id = ? AND list_id = ?').get(itemId, listId) as ItemRow | undefined;
    if (!row) throw new ArchiveError('ERR_LIST_ITEM_NOT_FOUND', String(itemId));
    return toItem(row);
  }
}
