/** Fetches the page that follows `cursor`. */
export type PageFetcher<T> = (cursor: string) => Promise<Page<T>>;

/** Options of {@link Page.of}. */
export interface PageOptions<T> {
  /** Opaque token for the next page, `null` when this is the last. */
  cursor?: string | null;
  /** Whether more items follow this page. */
  hasMore?: boolean;
  /** Total matches, when the backend knows it. */
  total?: number | null;
  /** Fetches the next page; enables `for await` over every item of every page. */
  fetchNext?: PageFetcher<T>;
}

/** The wire form of a page. */
export interface PageDict<T> {
  data: T[];
  cursor: string | null;
  has_more: boolean;
  total: number | null;
}

/**
 * One page of results, with the cursor for the next.
 *
 * `for (const x of page)` walks this page; `for await (const x of page)` walks this
 * page and every following one (when the page knows how to fetch the next).
 */
export class Page<T> implements Iterable<T>, AsyncIterable<T> {
  /** The items of this page. */
  readonly data: T[];
  /** Opaque token for the next page; `null` on the last. */
  readonly cursor: string | null;
  /** Whether more items follow this page. */
  readonly hasMore: boolean;
  /** Total matches, when the backend knows it. */
  readonly total: number | null;
  readonly #fetchNext: PageFetcher<T> | undefined;

  /** A page of `data` (same as {@link Page.of}). */
  constructor(data: T[], options: PageOptions<T> = {}) {
    this.data = data;
    this.cursor = options.cursor ?? null;
    this.hasMore = options.hasMore ?? false;
    this.total = options.total ?? null;
    this.#fetchNext = options.fetchNext;
  }

  /** A page of `data`. */
  static of<T>(data: T[], options: PageOptions<T> = {}): Page<T> {
    return new Page(data, options);
  }

  /**
   * Every item of every page, fetching pages lazily: `first` fetches the first page,
   * each following page is requested with the previous page's cursor.
   */
  static async *paginate<T>(first: () => Promise<Page<T>>, next: PageFetcher<T>): AsyncGenerator<T, void, undefined> {
    let page: Page<T> | null = await first();
    while (page) {
      yield* page.data;
      page = page.hasMore && page.cursor ? await next(page.cursor) : null;
    }
  }

  /** Number of items on this page. */
  get length(): number {
    return this.data.length;
  }

  /** The next page, or `null` when this is the last (or the page cannot fetch more). */
  async next(): Promise<Page<T> | null> {
    if (!this.hasMore || !this.cursor || !this.#fetchNext) return null;
    return this.#fetchNext(this.cursor);
  }

  [Symbol.iterator](): Iterator<T> {
    return this.data[Symbol.iterator]();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let page: Page<T> | null = this;
    while (page) {
      yield* page.data;
      page = await page.next();
    }
  }

  /** Maps the items, keeping cursor and paging. */
  map<U>(fn: (item: T) => U): Page<U> {
    const fetchNext = this.#fetchNext;
    return new Page(this.data.map(fn), {
      cursor: this.cursor,
      hasMore: this.hasMore,
      total: this.total,
      fetchNext: fetchNext ? async (cursor) => (await fetchNext(cursor)).map(fn) : undefined,
    });
  }

  /** The wire form. */
  toDict(): PageDict<T> {
    return { data: this.data, cursor: this.cursor, has_more: this.hasMore, total: this.total };
  }

  /** `JSON.stringify(page)` yields the wire form. */
  toJSON(): PageDict<T> {
    return this.toDict();
  }
}
