// What the inflate pool (src/io/inflate-pool.ts) and its workers (src/workers/inflate-worker.ts)
// send each other, and what a scan plugin running in a worker provides.

/** A batch of whole BGZF blocks to inflate; `data` is transferred and comes back in the reply. */
export interface BatchRequest {
  type: 'batch';
  id: number;
  data: Uint8Array;
  /** Block start offsets within `data`, followed by `data.length`. */
  starts: Int32Array;
  /** Sum of the blocks' ISIZE. */
  outSize: number;
}

/** Installs the scan plugin registered under `name`, built from `config`, for the batches that follow. */
export interface PluginRequest {
  type: 'plugin';
  name: string;
  config: unknown;
}

/** A message for the installed plugin, in order with the batches. */
export interface UpdateRequest {
  type: 'update';
  data: unknown;
}

export type WorkerRequest = BatchRequest | PluginRequest | UpdateRequest;

/** The batch's text, the plugin's result for it, or why a block (index in `starts`) failed. */
export type BatchReply = { out: Uint8Array } | { scanned: unknown } | { error: string; block: number };

export type WorkerReply = BatchReply & {
  id: number;
  /** The batch's compressed data, back for reuse (absent after an error). */
  data?: Uint8Array;
};

/** A scan that runs in the workers on each batch's inflated text (the text buffer is reused after the call). */
export interface ScanPlugin {
  /**
   * The result holds the batch's text itself (VCF output passes every byte on): each batch is then
   * inflated into a buffer of its own, transferred with the result instead of copied.
   */
  readonly keepsText?: boolean;
  /** The result to send back instead of the text, or undefined to send the text. */
  batch(text: Buffer): unknown;
  update(msg: unknown): void;
}
