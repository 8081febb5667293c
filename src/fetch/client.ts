// One HTTP request, no redirects followed, under limits: a connect, a header and a body-idle
// timeout, a total deadline, and a size cap checked against Content-Length and enforced while the
// body streams (on the decompressed bytes). Bodies come back as bytes: decoding GBK/GB18030 is the caller's job, never
// undici's or fetch's (which would read every body as UTF-8).
import { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Agent, request } from 'undici';
import { XxgkError } from '../errors.js';

export interface ClientOptions {
  /** Connect, response-header and body-idle timeout, each, in milliseconds. */
  timeoutMs: number;
  /** Whole request, headers to last byte, in milliseconds. */
  totalMs: number;
  /** Body size cap in bytes. */
  maxBytes: number;
}

export interface HttpResponse {
  url: string;
  status: number;
  /** Header values as sent (bytes read as latin1, so a GBK file name survives for decoding). */
  headers: Record<string, string>;
  body: Buffer;
  /** Time from request to last byte. */
  ms: number;
}

export class HttpClient {
  private readonly agent: Agent;

  constructor(private readonly options: ClientOptions) {
    this.agent = new Agent({
      connect: { timeout: options.timeoutMs },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      connections: 2,
    });
  }

  /** GET url; throws XxgkError E_TIMEOUT, E_TOO_LARGE or E_NETWORK. Any status comes back. */
  async get(url: URL, headers: Record<string, string>): Promise<HttpResponse> {
    const started = Date.now();
    const signal = AbortSignal.timeout(this.options.totalMs);
    try {
      const response = await request(url, {
        method: 'GET',
        headers: { 'accept-encoding': 'gzip, deflate, br', ...headers },
        dispatcher: this.agent,
        signal,
      });
      const responseHeaders = flatten(response.headers);
      const declared = Number(responseHeaders['content-length']);
      if (declared > this.options.maxBytes) {
        response.body.destroy();
        throw tooLarge(this.options.maxBytes, `it declares ${declared}`);
      }
      // Redirects and errors: the body is not needed, only drained within the cap.
      const body = await readCapped(decoded(response.body, responseHeaders['content-encoding']), this.options.maxBytes);
      return { url: url.href, status: response.statusCode, headers: responseHeaders, body, ms: Date.now() - started };
    } catch (error) {
      throw classify(error, this.options, signal);
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

function decoded(body: Readable, encoding: string | undefined): Readable {
  const e = encoding?.trim().toLowerCase();
  if (!e || e === 'identity') return body;
  const inflater = e === 'gzip' || e === 'x-gzip' ? createGunzip() : e === 'deflate' ? createInflate() : e === 'br' ? createBrotliDecompress() : undefined;
  if (!inflater) return body;
  body.on('error', (error) => inflater.destroy(error));
  return body.pipe(inflater);
}

async function readCapped(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      stream.destroy();
      throw tooLarge(maxBytes, 'more arrived');
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const tooLarge = (maxBytes: number, detail: string) => new XxgkError('E_TOO_LARGE', `the response is over the size cap of ${maxBytes} bytes (${detail}); use --max-size to raise it`);

function classify(error: unknown, options: ClientOptions, total: AbortSignal): XxgkError {
  if (error instanceof XxgkError) return error;
  const e = error as { code?: string; name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code;
  const seconds = (ms: number) => `${ms / 1000} s`;
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return new XxgkError('E_TIMEOUT', `no connection within ${seconds(options.timeoutMs)}`);
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return new XxgkError('E_TIMEOUT', `no response headers within ${seconds(options.timeoutMs)}`);
  if (code === 'UND_ERR_BODY_TIMEOUT') return new XxgkError('E_TIMEOUT', `the body stalled for ${seconds(options.timeoutMs)}`);
  if (total.aborted) return new XxgkError('E_TIMEOUT', `the response took longer than ${seconds(options.totalMs)} in all`);
  return new XxgkError('E_NETWORK', `request failed: ${code ? `${code} ` : ''}${e.cause?.message ?? e.message ?? String(error)}`);
}
