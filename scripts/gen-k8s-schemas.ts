// Generates schemas/k8s/v<X.Y>/definitions.json from the `kubernetes-models` package.
//
// kubernetes-models is generated from the Kubernetes OpenAPI document. It ships, per
// definition, a TypeScript declaration (property names, which are required, string enums,
// references) and a precompiled, non-strict validator (which tells `integer` from `number`).
// We read both and write plain JSON Schemas that are strict: every object definition gets
// `additionalProperties: false`, so typos such as `containerport` are caught.
//
//   npx tsx scripts/gen-k8s-schemas.ts [--from DIR] [--apimachinery DIR] --kube-version 1.33
//
// --from defaults to node_modules/kubernetes-models; --apimachinery to the
// @kubernetes-models/apimachinery package next to it (ObjectMeta, LabelSelector, Quantity...).
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

type JsonSchema = Record<string, unknown>;

interface Args {
  from: string;
  apimachinery: string;
  kubeVersion: string;
  out: string;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const from = resolve(get('--from') ?? 'node_modules/kubernetes-models');
  const apimachinery = resolve(get('--apimachinery') ?? join(from, '..', '@kubernetes-models', 'apimachinery'));
  const kubeVersion = get('--kube-version');
  if (!kubeVersion || !/^\d+\.\d+$/.test(kubeVersion)) throw new Error('--kube-version X.Y is required');
  const out = resolve(get('--out') ?? `schemas/k8s/v${kubeVersion}/definitions.json`);
  return { from, apimachinery, kubeVersion, out };
}

function walkDts(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (name === 'node_modules' || name === '_schemas') continue;
    if (statSync(full).isDirectory()) out.push(...walkDts(full));
    else if (name.endsWith('.d.ts') && name !== 'index.d.ts') out.push(full);
  }
  return out.sort();
}

/** `IIoK8sApiAppsV1Deployment` -> `IoK8sApiAppsV1Deployment` (the id we use for definitions). */
function defId(exportedInterfaceName: string): string {
  return exportedInterfaceName.replace(/^I(?=IoK8s)/, '');
}

interface ParsedFile {
  id: string;
  localName: string;
  decl: ts.InterfaceDeclaration | ts.TypeAliasDeclaration;
  /** Imported interface name -> definition id. */
  imports: Map<string, string>;
  sf: ts.SourceFile;
  validatorPath: string;
}

function parseFile(path: string, schemasDir: string): ParsedFile | undefined {
  const sf = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const imports = new Map<string, string>();
  let exported: { local: string; id: string } | undefined;
  const decls = new Map<string, ts.InterfaceDeclaration | ts.TypeAliasDeclaration>();
  for (const node of sf.statements) {
    if (ts.isImportDeclaration(node) && node.importClause?.namedBindings && ts.isNamedImports(node.importClause.namedBindings)) {
      for (const el of node.importClause.namedBindings.elements) {
        if (/^IIoK8s/.test(el.name.text)) imports.set(el.name.text, defId(el.name.text));
      }
    } else if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) {
      decls.set(node.name.text, node);
    } else if (ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause)) {
      for (const el of node.exportClause.elements) {
        if (/^IIoK8s/.test(el.name.text) && el.propertyName) exported = { local: el.propertyName.text, id: defId(el.name.text) };
      }
    }
  }
  if (!exported) return undefined;
  const decl = decls.get(exported.local);
  if (!decl) return undefined;
  // 4.x ships the validators as .mjs (and CommonJS .js); 5.x, ESM only, as .js.
  const mjs = join(schemasDir, `${exported.id}.mjs`);
  const validatorPath = existsSync(mjs) ? mjs : join(schemasDir, `${exported.id}.js`);
  return { id: exported.id, localName: exported.local, decl, imports, sf, validatorPath };
}

/**
 * The precompiled validator says whether a numeric property is an integer or a float.
 * Its code calls one function per property (`validate21(data.replicas, ...)`); we read the
 * body of that function (and the functions it calls) for the JSON type it checks.
 */
class NumericTypes {
  private readonly code: string;
  private readonly bodies = new Map<string, string>();
  constructor(validatorPath: string) {
    this.code = existsSync(validatorPath) ? readFileSync(validatorPath, 'utf8') : '';
    const re = /function (validate\d+)\(/g;
    const starts: { name: string; at: number }[] = [];
    let m: RegExpExecArray | null;
    while ((m = re.exec(this.code))) starts.push({ name: m[1], at: m.index });
    starts.forEach((s, i) => this.bodies.set(s.name, this.code.slice(s.at, starts[i + 1]?.at ?? this.code.length)));
  }

  /** Does the check of `property` (inlined, or in the function it calls) accept floats? */
  isFloat(property: string): boolean {
    const access = /^[A-Za-z_$][\w$]*$/.test(property) ? `data.${property}` : `data[${JSON.stringify(property)}]`;
    const at = this.code.indexOf(access);
    if (at < 0) return false;
    // The window ends where the check of the next property begins.
    const rest = this.code.slice(at + access.length);
    const next = rest.search(/void 0[!=]==data[.[]/);
    const window = next < 0 ? rest : rest.slice(0, next);
    if (window.includes('type:"number"')) return true;
    for (const m of window.matchAll(/(validate\d+)\(/g)) if (this.bodyChecksFloat(m[1], new Set())) return true;
    return false;
  }

  /** For a type alias (Quantity): does the validator accept floats anywhere? */
  acceptsFloat(): boolean {
    return this.code.includes('type:"number"');
  }

  private bodyChecksFloat(fn: string, seen: Set<string>): boolean {
    if (seen.has(fn)) return false;
    seen.add(fn);
    const body = this.bodies.get(fn) ?? '';
    if (body.includes('type:"number"')) return true;
    const inner = body.slice(body.indexOf('{'));
    for (const m of inner.matchAll(/(validate\d+)\(/g)) if (this.bodyChecksFloat(m[1], seen)) return true;
    return false;
  }
}

class Converter {
  constructor(private readonly file: ParsedFile, private readonly numbers: NumericTypes) {}

  definition(): JsonSchema {
    const decl = this.file.decl;
    if (ts.isTypeAliasDeclaration(decl)) return this.type(decl.type, this.numbers.acceptsFloat() ? '*float' : '');
    return this.members(decl.members);
  }

  private members(members: ts.NodeArray<ts.TypeElement>): JsonSchema {
    // An empty interface is a free-form value in the API (RawExtension, JSON, FieldsV1).
    if (members.length === 0) return {};
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const m of members) {
      if (!ts.isPropertySignature(m) || !m.type) continue;
      const name = ts.isStringLiteral(m.name) || ts.isIdentifier(m.name) ? m.name.text : m.name.getText(this.file.sf);
      properties[name] = this.type(m.type, name);
      if (!m.questionToken) required.push(name);
    }
    const schema: JsonSchema = { type: 'object', properties };
    if (required.length) schema.required = required.sort();
    schema.additionalProperties = false;
    return schema;
  }

  private type(node: ts.TypeNode, property: string): JsonSchema {
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword:
        return { type: 'string' };
      case ts.SyntaxKind.BooleanKeyword:
        return { type: 'boolean' };
      case ts.SyntaxKind.NumberKeyword:
        return { type: property === '*float' || (property && this.numbers.isFloat(property)) ? 'number' : 'integer' };
      case ts.SyntaxKind.AnyKeyword:
      case ts.SyntaxKind.UnknownKeyword:
      case ts.SyntaxKind.ObjectKeyword:
        return {};
    }
    if (ts.isParenthesizedTypeNode(node)) return this.type(node.type, property);
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return { type: 'string', enum: [node.literal.text] };
    if (ts.isUnionTypeNode(node)) return this.union(node, property);
    if (ts.isArrayTypeNode(node)) return { type: 'array', items: this.type(node.elementType, property) };
    if (ts.isTypeLiteralNode(node)) {
      const index = node.members.find(ts.isIndexSignatureDeclaration);
      if (index) return { type: 'object', additionalProperties: this.type(index.type, property) };
      return this.members(node.members);
    }
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText(this.file.sf);
      if (name === 'Array' && node.typeArguments?.length === 1) return { type: 'array', items: this.type(node.typeArguments[0], property) };
      if (name === this.file.localName) return { $ref: `#/definitions/${this.file.id}` };
      const target = this.file.imports.get(name);
      if (target) return { $ref: `#/definitions/${target}` };
      // Aliases such as `IIntOrString = IIntOrString` resolve within the same file.
      if (/^I[A-Z]/.test(name)) return {};
    }
    throw new Error(`${this.file.sf.fileName}: unsupported type ${ts.SyntaxKind[node.kind]} "${node.getText(this.file.sf)}"`);
  }

  private union(node: ts.UnionTypeNode, property: string): JsonSchema {
    const parts = node.types.map((t) => this.type(t, property));
    if (parts.every((p) => Array.isArray(p.enum) && p.type === 'string')) {
      return { type: 'string', enum: parts.flatMap((p) => p.enum as string[]) };
    }
    if (parts.every((p) => typeof p.type === 'string' && Object.keys(p).length === 1)) {
      return { type: [...new Set(parts.map((p) => p.type as string))].sort() };
    }
    return { anyOf: parts };
  }
}

/** Kinds an apiVersion serves: interfaces whose apiVersion and kind are string literals. */
function kindOf(file: ParsedFile, schema: JsonSchema): { apiVersion: string; kind: string } | undefined {
  const props = schema.properties as Record<string, JsonSchema> | undefined;
  const av = props?.apiVersion?.enum as string[] | undefined;
  const kind = props?.kind?.enum as string[] | undefined;
  if (av?.length === 1 && kind?.length === 1) return { apiVersion: av[0], kind: kind[0] };
  return undefined;
}

function packageVersion(dir: string): string {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version as string;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const definitions: Record<string, JsonSchema> = {};
  const kinds: Record<string, Record<string, string>> = {};
  for (const root of [args.apimachinery, args.from]) {
    const schemasDir = join(root, '_schemas');
    for (const path of walkDts(root)) {
      const file = parseFile(path, schemasDir);
      if (!file) continue;
      const schema = new Converter(file, new NumericTypes(file.validatorPath)).definition();
      definitions[file.id] = schema;
      const gvk = kindOf(file, schema);
      if (gvk) (kinds[gvk.apiVersion] ??= {})[gvk.kind] = file.id;
    }
  }
  const sorted = <T>(o: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
  const sortedKinds = Object.fromEntries(Object.entries(sorted(kinds)).map(([av, ks]) => [av, sorted(ks)]));
  const doc = {
    $comment: 'Generated by scripts/gen-k8s-schemas.ts. Do not edit.',
    kubernetesVersion: args.kubeVersion,
    source: {
      'kubernetes-models': packageVersion(args.from),
      '@kubernetes-models/apimachinery': packageVersion(args.apimachinery),
    },
    kinds: sortedKinds,
    definitions: sorted(definitions),
  };
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, JSON.stringify(doc, null, 1) + '\n');
  const kindCount = Object.values(kinds).reduce((n, k) => n + Object.keys(k).length, 0);
  console.log(`${relative(process.cwd(), args.out)}: ${Object.keys(definitions).length} definitions, ${kindCount} kinds`);
}

main();
