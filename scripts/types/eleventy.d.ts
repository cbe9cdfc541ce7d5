// Eleventy 3.1 ships JavaScript without type declarations; this is the part we use.
declare module "@11ty/eleventy" {
  export class Eleventy {
    constructor(input?: string, output?: string, options?: { configPath?: string; quietMode?: boolean; config?: (cfg: any) => void });
    write(): Promise<unknown>;
    toJSON(): Promise<{ url: string | false; inputPath: string; outputPath: string | false; content: string }[]>;
  }
}
