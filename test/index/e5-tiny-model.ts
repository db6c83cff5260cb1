// Writes a tiny BERT-style model folder (config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx)
// that @huggingface/transformers can load like a real multilingual-E5 export. The ONNX graph is a single
// Gather: last_hidden_state[b, t] = embeddings[input_ids[b, t]], so every token's vector is a known row and
// the tests can reason about E5Embedder's prefixes, masking, pooling and normalisation exactly.
// The ONNX file is hand-encoded protobuf: no onnx package is needed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// ---- minimal protobuf encoder ----------------------------------------------------------------------------

type Bytes = Uint8Array;

function varint(n: number | bigint): number[] {
  let v = BigInt(n);
  if (v < 0n) v = BigInt.asUintN(64, v); // two's complement, as protobuf encodes negative int64
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}

const key = (field: number, wireType: 0 | 2 | 5) => varint((field << 3) | wireType);

function concat(parts: (Bytes | number[])[]): Bytes {
  const total = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Varint field (wire type 0): int32, int64, enums. */
const int = (field: number, n: number | bigint): number[] => [...key(field, 0), ...varint(n)];
/** Length-delimited field (wire type 2): bytes, embedded messages. */
const bytes = (field: number, b: Bytes): Bytes => concat([key(field, 2), varint(b.length), b]);
const str = (field: number, s: string): Bytes => bytes(field, new TextEncoder().encode(s));
const msg = (field: number, ...parts: (Bytes | number[])[]): Bytes => bytes(field, concat(parts));

/** Little-endian float32 bytes, as TensorProto.raw_data wants them. */
function float32LE(values: ArrayLike<number>): Bytes {
  const buf = new DataView(new ArrayBuffer(values.length * 4));
  for (let i = 0; i < values.length; i++) buf.setFloat32(i * 4, values[i]!, true);
  return new Uint8Array(buf.buffer);
}

// ---- ONNX messages (field numbers from onnx/onnx.proto) ----------------------------------------------------

const FLOAT = 1;
const INT64 = 7;
const ATTR_INT = 2;

/** ValueInfoProto { name=1, type=2: TypeProto { tensor_type=1: { elem_type=1, shape=2: { dim=1: { dim_param=2 | dim_value=1 } } } } } */
function valueInfo(name: string, elemType: number, dims: (string | number)[]): Bytes {
  const shape = dims.map((d) => (typeof d === 'string' ? msg(1, str(2, d)) : msg(1, int(1, d))));
  return concat([str(1, name), msg(2, msg(1, int(1, elemType), msg(2, ...shape)))]);
}

/** An ONNX model computing last_hidden_state = Gather(embeddings, input_ids, axis=0). */
export function gatherModelOnnx(embeddings: Float32Array, vocab: number, dim: number): Bytes {
  if (embeddings.length !== vocab * dim) throw new Error(`embeddings has ${embeddings.length} values, want ${vocab}x${dim}`);
  const node = concat([
    str(1, 'embeddings'),
    str(1, 'input_ids'),
    str(2, 'last_hidden_state'),
    str(3, 'embed_tokens'),
    str(4, 'Gather'),
    msg(5, str(1, 'axis'), int(3, 0), int(20, ATTR_INT)), // AttributeProto { name=1, i=3, type=20 }
  ]);
  // TensorProto { dims=1, data_type=2, name=8, raw_data=9 }
  const initializer = concat([int(1, vocab), int(1, dim), int(2, FLOAT), str(8, 'embeddings'), bytes(9, float32LE(embeddings))]);
  const graph = concat([
    msg(1, node),
    str(2, 'tiny_e5'),
    msg(5, initializer),
    // BERT exports declare all three inputs; the Gather uses only input_ids (unused inputs are legal ONNX).
    msg(11, valueInfo('input_ids', INT64, ['batch', 'sequence'])),
    msg(11, valueInfo('attention_mask', INT64, ['batch', 'sequence'])),
    msg(11, valueInfo('token_type_ids', INT64, ['batch', 'sequence'])),
    msg(12, valueInfo('last_hidden_state', FLOAT, ['batch', 'sequence', dim])),
  ]);
  // ModelProto { ir_version=1, producer_name=2, graph=7, opset_import=8: { domain=1, version=2 } }
  return concat([int(1, 8), str(2, 'e5-tiny-model.ts'), msg(7, graph), msg(8, str(1, ''), int(2, 13))]);
}

// ---- the model folder ------------------------------------------------------------------------------------

export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'] as const;

/** Token ids 0..n-1; `query`, `:` and `passage` come first after the specials so the E5 prefixes tokenize. */
export const TINY_VOCAB: readonly string[] = [
  ...SPECIAL_TOKENS,
  'query', ':', 'passage', '.', '?', ',',
  'de', 'het', 'een', 'en', 'van', 'in', 'is', 'op', 'wie', 'wat', 'stelt', 'vast',
  'gemeenteraad', 'begroting', 'gemeente', 'raad', 'besluit', 'vergadering', 'wethouder', 'subsidie',
  'weer', 'vandaag', 'zonnig', 'regen', 'morgen', 'kort', 'veel', 'langere', 'zin', 'met', 'woorden',
  'fiets', 'brood', 'bakker', '##s', '##en',
];

/**
 * Embedding rows: token i is the unit vector e_i (so dimension = vocabulary size and cosine similarity of
 * pooled vectors measures shared tokens), except [PAD], whose row is large in every direction: if padded
 * positions leaked into the pooling, a padded sequence's vector would visibly change.
 */
export function tinyEmbeddings(vocab = TINY_VOCAB.length, dim = TINY_VOCAB.length): Float32Array {
  const e = new Float32Array(vocab * dim);
  for (let i = 0; i < vocab; i++) e[i * dim + (i % dim)] = 1;
  for (let j = 0; j < dim; j++) e[j] = 50; // [PAD] is id 0
  return e;
}

export interface TinyModel {
  dir: string;
  vocab: readonly string[];
  dimension: number;
  embeddings: Float32Array;
}

/** Writes the complete model folder to `dir` (created if needed) and returns what it wrote. */
export function writeTinyE5Model(dir: string): TinyModel {
  const vocab = TINY_VOCAB;
  const dimension = vocab.length;
  const embeddings = tinyEmbeddings(vocab.length, dimension);
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  writeFileSync(join(dir, 'onnx', 'model.onnx'), gatherModelOnnx(embeddings, vocab.length, dimension));

  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify(
      {
        _name_or_path: 'tiny-e5',
        architectures: ['BertModel'],
        model_type: 'bert',
        hidden_size: dimension,
        num_hidden_layers: 0,
        num_attention_heads: 1,
        intermediate_size: dimension,
        vocab_size: vocab.length,
        max_position_embeddings: 512,
        type_vocab_size: 2,
        pad_token_id: 0,
      },
      null,
      2,
    ),
  );

  const ids = Object.fromEntries(vocab.map((t, i) => [t, i]));
  const special = (t: string) => ({ id: ids[t], content: t, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  writeFileSync(
    join(dir, 'tokenizer.json'),
    JSON.stringify(
      {
        version: '1.0',
        truncation: null,
        padding: null,
        added_tokens: SPECIAL_TOKENS.map(special),
        normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
        pre_tokenizer: { type: 'BertPreTokenizer' },
        post_processor: {
          type: 'TemplateProcessing',
          single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
          pair: [
            { SpecialToken: { id: '[CLS]', type_id: 0 } },
            { Sequence: { id: 'A', type_id: 0 } },
            { SpecialToken: { id: '[SEP]', type_id: 0 } },
            { Sequence: { id: 'B', type_id: 1 } },
            { SpecialToken: { id: '[SEP]', type_id: 1 } },
          ],
          special_tokens: {
            '[CLS]': { id: '[CLS]', ids: [ids['[CLS]']], tokens: ['[CLS]'] },
            '[SEP]': { id: '[SEP]', ids: [ids['[SEP]']], tokens: ['[SEP]'] },
          },
        },
        decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
        model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: ids },
      },
      null,
      2,
    ),
  );

  writeFileSync(
    join(dir, 'tokenizer_config.json'),
    JSON.stringify(
      {
        tokenizer_class: 'BertTokenizer',
        do_lower_case: true,
        model_max_length: 512,
        pad_token: '[PAD]',
        unk_token: '[UNK]',
        cls_token: '[CLS]',
        sep_token: '[SEP]',
        clean_up_tokenization_spaces: true,
      },
      null,
      2,
    ),
  );
  return { dir, vocab, dimension, embeddings };
}
