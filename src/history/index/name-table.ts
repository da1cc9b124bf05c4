/**
 * Process names interned once for the whole archive (a machine runs a few hundred distinct
 * programs), each kept as its JSON-escaped text so serialising a sample never escapes again.
 */
export class NameTable {
  private readonly ids = new Map<string, number>();
  private readonly jsonById: string[] = [];
  private readonly bytesById: Buffer[] = [];

  idOf(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.jsonById.length;
      this.ids.set(name, id);
      this.jsonById.push(JSON.stringify(name));
      this.bytesById.push(Buffer.from(JSON.stringify(name)));
    }
    return id;
  }

  json(id: number): string {
    return this.jsonById[id];
  }

  /** The JSON text of a name as UTF-8 bytes. */
  bytes(id: number): Buffer {
    return this.bytesById[id];
  }

  nameOf(id: number): string {
    return JSON.parse(this.jsonById[id]) as string;
  }
}
