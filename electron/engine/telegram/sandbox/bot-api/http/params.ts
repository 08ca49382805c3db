import { badRequest } from '../errors';
import type { RequestInput, UploadedFile } from './read-request';

/**
 * Typed access to a method's parameters. Query, form and multipart carry everything as
 * strings (objects as JSON text), so each reader accepts both forms, as Telegram does.
 */
export class Params {
  constructor(private readonly input: RequestInput) {}

  has(name: string): boolean {
    const value = this.input.fields[name];
    return value !== undefined && value !== null && value !== '';
  }

  string(name: string): string | undefined {
    const value = this.input.fields[name];
    if (value === undefined || value === null) return undefined;
    return typeof value === 'string' ? value : String(value);
  }

  requiredString(name: string, missing = `parameter "${name}" is required`): string {
    const value = this.string(name);
    if (value === undefined || value === '') throw badRequest(missing);
    return value;
  }

  int(name: string): number | undefined {
    const value = this.input.fields[name];
    if (value === undefined || value === null || value === '') return undefined;
    const number = typeof value === 'number' ? value : Number(value);
    if (!Number.isInteger(number)) throw badRequest(`invalid ${name} specified`);
    return number;
  }

  requiredInt(name: string, missing = `parameter "${name}" is required`): number {
    const value = this.int(name);
    if (value === undefined) throw badRequest(missing);
    return value;
  }

  bool(name: string): boolean {
    const value = this.input.fields[name];
    return value === true || value === 'true' || value === '1' || value === 1;
  }

  json<T>(name: string): T | undefined {
    const value = this.input.fields[name];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') return value as T;
    try {
      return JSON.parse(value) as T;
    } catch {
      throw badRequest(`can't parse ${name} JSON object`);
    }
  }

  file(name: string): UploadedFile | undefined {
    return this.input.files.get(name);
  }
}
