// pbf 3 ships no types: the reader calls the gazetteer uses.
declare module "pbf" {
  class Pbf {
    constructor(buffer: Uint8Array);
    pos: number;
    length: number;
    readMessage<T>(read: (tag: number, result: T, pbf: Pbf) => void, result: T): T;
    readSVarint(): number;
    readVarint(): number;
    readString(): string;
  }
  export default Pbf;
}
