/**
 * V8 code cache for the CommonJS modules a generator thread loads (TypeScript
 * alone is 9 MB of source): what v8-compile-cache does, for Node 20, which has
 * no module.enableCompileCache. Each module under node_modules/ (the launcher's
 * bundles included) is compiled through `vm.Script` with the bytecode V8 made
 * for it in an earlier run, kept in one file per thread role. An entry is only
 * used for the same file path, source length and CRC-32, intact bytes, Node
 * version and architecture; V8 checks its own version and flags and may still
 * reject it. A run that compiled anything without a usable entry writes the
 * file again (after the work, so functions compiled lazily are in it too).
 * It holds compiled code, never a result: every run still does all the work.
 *
 * One limit of Node 20: `import()` fails in code V8 compiled from a cache. So a
 * module whose text could hold an `import(` is left to Node's own loader until
 * esbuild (a real parser) has shown it has none; one that has is never cached.
 */
import Module from "node:module";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, sep } from "node:path";
import vm from "node:vm";
import { crc32 } from "node:zlib";

const FORMAT = 2;
const NODE_MODULES = `${sep}node_modules${sep}`;
/** Text any `import()` call must contain (keywords cannot be written with escapes); strings and comments match too. */
const MAYBE_IMPORT_CALL = /\bimport\s*(?:\(|\/[/*])/;
const NO_DATA = Buffer.alloc(0);

/**
 * Compiles CommonJS modules under node_modules/ with cached bytecode from
 * `file` from now on, in this thread. `save()` writes `file` again if this run
 * compiled or checked a module without a usable entry (and does nothing otherwise).
 */
export function installCodeCache(file) {
  const stored = readEntries(file);
  /** Modules compiled here through vm.Script, to take their bytecode from. */
  const compiled = new Map();
  /** Modules that may call `import()`, not yet checked: compiled by Node, checked when saving. */
  const unchecked = new Map();
  let missed = false;
  const counts = { fromCache: 0, fromSource: 0, byNode: 0 };
  const original = Module.prototype._compile;

  Module.prototype._compile = function (content, filename, format) {
    if (format === "module" || typeof content !== "string" || !filename.includes(NODE_MODULES)) return original.apply(this, arguments);
    const crc = crc32(content);
    const entry = usable(stored.get(filename), crc, content.length);
    if (entry?.dynamicImport || (!entry && MAYBE_IMPORT_CALL.test(content))) {
      if (!entry) unchecked.set(filename, { crc, length: content.length, source: content });
      counts.byNode++;
      return original.apply(this, arguments);
    }
    const cachedData = entry && entry.data.length > 0 ? entry.data : undefined;
    let script;
    try {
      script = new vm.Script(Module.wrap(content), { filename, cachedData });
    } catch {
      return original.apply(this, arguments); // not plain CommonJS (ESM syntax, a hashbang): Node's loader decides
    }
    if (cachedData === undefined || script.cachedDataRejected) {
      missed = true;
      counts.fromSource++;
    } else {
      counts.fromCache++;
    }
    compiled.set(filename, { crc, length: content.length, script });
    const wrapper = script.runInThisContext({ displayErrors: true });
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, dirname(filename));
  };

  return {
    /** Modules compiled so far with bytecode from the cache, from source, and by Node's loader. */
    counts: () => ({ ...counts }),
    /** Writes the cache file if this run added to it; resolves when done (quickly when there is nothing to write). */
    async save() {
      if (!missed && unchecked.size === 0) return;
      missed = false;
      // Entries of modules this run did not load stay, unless their file is gone.
      const entries = new Map([...stored].filter(([filename]) => !compiled.has(filename) && !unchecked.has(filename) && existsSync(filename)));
      for (const [filename, { crc, length, script }] of compiled) entries.set(filename, { crc, length, dynamicImport: false, data: script.createCachedData() });
      for (const [filename, { crc, length, source }] of unchecked) {
        unchecked.delete(filename);
        entries.set(filename, { crc, length, dynamicImport: await callsImport(source), data: NO_DATA });
      }
      writeEntries(file, entries);
    },
  };
}

function usable(entry, crc, length) {
  return entry && entry.crc === crc && entry.length === length && crc32(entry.data) === entry.dataCrc ? entry : undefined;
}

/**
 * Whether CommonJS source calls `import()`: esbuild, told that the target has
 * no `import()`, rewrites every call (and nothing else), so the output differs
 * exactly when there is one. Anything esbuild cannot read counts as a yes.
 */
async function callsImport(source) {
  try {
    const { transform } = await import("esbuild");
    const options = { loader: "js", format: "cjs", logLevel: "silent", minifyWhitespace: true };
    const [kept, lowered] = await Promise.all([transform(source, options), transform(source, { ...options, supported: { "dynamic-import": false } })]);
    return kept.code !== lowered.code;
  } catch {
    return true;
  }
}

/** A module's `require`, as Node's loader gives it (what v8-compile-cache does too). */
function requireFor(module) {
  const require = (id) => module.require(id);
  require.resolve = (request, options) => Module._resolveFilename(request, module, false, options);
  require.resolve.paths = (request) => Module._resolveLookupPaths(request, module);
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

function stamp() {
  return `${FORMAT} ${process.version} ${process.arch} ${process.versions.v8}`;
}

/**
 * File layout: 4-byte header length, JSON header `{ stamp, entries: [path,
 * source CRC-32, source length, calls import(), data size, data CRC-32][] }`,
 * then the data (V8's bytecode, or none) in order.
 */
function readEntries(file) {
  const entries = new Map();
  try {
    const bytes = readFileSync(file);
    const headerLength = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.subarray(4, 4 + headerLength).toString("utf8"));
    if (header.stamp !== stamp()) return entries;
    let offset = 4 + headerLength;
    for (const [filename, crc, length, dynamicImport, size, dataCrc] of header.entries) {
      entries.set(filename, { crc, length, dynamicImport, data: bytes.subarray(offset, offset + size), dataCrc });
      offset += size;
    }
    if (offset !== bytes.length) entries.clear();
  } catch {
    entries.clear(); // none yet, or unreadable: compile from source
  }
  return entries;
}

function writeEntries(file, entries) {
  const list = [...entries].map(([filename, { crc, length, dynamicImport, data }]) => ({ filename, crc, length, dynamicImport, data }));
  const header = Buffer.from(JSON.stringify({ stamp: stamp(), entries: list.map((e) => [e.filename, e.crc, e.length, e.dynamicImport, e.data.length, crc32(e.data)]) }), "utf8");
  const size = Buffer.alloc(4);
  size.writeUInt32LE(header.length, 0);
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, Buffer.concat([size, header, ...list.map((e) => e.data)]));
    renameSync(temp, file);
  } catch {
    // A read-only cache folder only costs speed.
  }
}
