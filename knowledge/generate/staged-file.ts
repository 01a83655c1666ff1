import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';

/** Text is gathered into chunks of about this size before it reaches the stream. */
const CHUNK_CHARACTERS = 256 * 1024;

/**
 * A file written through a stream to `<path>.tmp` and renamed to `path` only once complete, so a
 * crash never leaves a half-written file under the real name. Writes are buffered; callers check
 * `mustWait` and await `drained()` to honour the stream's backpressure.
 */
export class StagedFile {
  readonly stagingPath: string;
  #stream: WriteStream;
  #pending: string[] = [];
  #pendingCharacters = 0;
  #failure: Error | undefined;

  private constructor(
    readonly path: string,
    stream: WriteStream,
  ) {
    this.stagingPath = `${path}.tmp`;
    this.#stream = stream;
    stream.on('error', (error) => {
      this.#failure ??= error;
    });
  }

  /** Opens `<path>.tmp` for writing; fails here (not later) when the folder is not writable. */
  static async open(path: string): Promise<StagedFile> {
    const stream = createWriteStream(`${path}.tmp`, { highWaterMark: 1024 * 1024 });
    const file = new StagedFile(path, stream);
    await once(stream, 'open');
    return file;
  }

  /** Appends text; it reaches the disk in chunks. */
  write(text: string): void {
    this.#pending.push(text);
    this.#pendingCharacters += text.length;
    if (this.#pendingCharacters >= CHUNK_CHARACTERS) this.#flush();
  }

  /** True when the stream's buffer is full and the producer should await `drained()`. */
  get mustWait(): boolean {
    return this.#stream.writableNeedDrain || this.#failure !== undefined;
  }

  /** Resolves once the stream can take more; rejects if writing failed. */
  async drained(): Promise<void> {
    if (this.#failure !== undefined) throw this.#failure;
    if (this.#stream.writableNeedDrain) await once(this.#stream, 'drain');
  }

  /** Flushes and closes the staging file (it is not yet visible under the real name). */
  async finish(): Promise<void> {
    this.#flush();
    if (this.#failure !== undefined) throw this.#failure;
    this.#stream.end();
    await once(this.#stream, 'finish');
  }

  /** Moves the finished staging file into place and returns its size in bytes. */
  async publish(): Promise<number> {
    await rename(this.stagingPath, this.path);
    return (await stat(this.path)).size;
  }

  /** Closes the stream and deletes the staging file; the real file (if any) is left untouched. */
  async abort(): Promise<void> {
    this.#stream.destroy();
    await rm(this.stagingPath, { force: true });
  }

  #flush(): void {
    if (this.#pending.length === 0) return;
    this.#stream.write(this.#pending.join(''));
    this.#pending = [];
    this.#pendingCharacters = 0;
  }
}
