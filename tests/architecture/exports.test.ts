/**
 * Every `export` in src/ is there because something needs it: another file of src/ or tests/
 * imports it (statically, with `import()` or in an `import('…').Type`), or the library entry
 * src/index.ts exports it or needs it to name the types of what it exports. An export nothing
 * needs widens what a reader must keep in mind for no reader's benefit; the test lists them as
 * `file: name`.
 *
 * One Program over src/ and tests/, and only the symbols of import sites are resolved (no full
 * type check), so this stays quick.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { typeScriptFiles } from '../helpers/source-files.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SRC = join(ROOT, 'src');
const ENTRY = join(SRC, 'index.ts');

/**
 * Exports nobody needs that are kept on purpose, as `file: name` (none today). An entry needs a
 * reason beside it; the second test fails on an entry that is no longer unused.
 */
const ALLOWED_UNUSED: readonly string[] = [];

/** Generated at build time, not written by hand. */
const GENERATED = join(SRC, 'schema', 'generated') + sep;

const rel = (file: string): string => relative(ROOT, file).split(sep).join('/');
const keyOf = (file: string, name: string): string => `${rel(file)}: ${name}`;

/** The source file a module specifier leads to, when it is one of ours. */
function moduleFile(checker: ts.TypeChecker, specifier: ts.Node): ts.SourceFile | undefined {
  const decl = checker.getSymbolAtLocation(specifier)?.valueDeclaration;
  return decl && ts.isSourceFile(decl) ? decl : undefined;
}

/** The names a file reads from a namespace bound to `name` (`ns.x`), or undefined when it also uses it whole. */
function namesReadFrom(file: ts.SourceFile, name: string): string[] | undefined {
  const names: string[] = [];
  let whole = false;
  const stack: ts.Node[] = [file];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isIdentifier(node) && node.text === name) {
      const parent = node.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.expression === node) names.push(parent.name.text);
      else if (ts.isQualifiedName(parent) && parent.left === node) names.push(parent.right.text);
      else if (
        !(ts.isNamespaceImport(parent) || (ts.isVariableDeclaration(parent) && parent.name === node)) &&
        !(ts.isPropertyAccessExpression(parent) && parent.name === node)
      )
        whole = true;
    }
    ts.forEachChild(node, (child) => void stack.push(child));
  }
  return whole ? undefined : names;
}

/** What an `import()` call is bound to: the names taken from it, or undefined when the whole module is. */
function namesOfDynamicImport(file: ts.SourceFile, call: ts.CallExpression): string[] | undefined {
  let node: ts.Node = call;
  let index: number | undefined;
  const skip = (n: ts.Node): ts.Node => {
    let at = n;
    while (ts.isParenthesizedExpression(at.parent) || ts.isAwaitExpression(at.parent)) at = at.parent;
    return at;
  };
  node = skip(node);
  // `await Promise.all([import(a), import(b)])`: the module is one element of an array.
  if (ts.isArrayLiteralExpression(node.parent) && ts.isCallExpression(node.parent.parent)) {
    index = node.parent.elements.indexOf(node as ts.Expression);
    node = skip(node.parent.parent);
  }
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node && index === undefined)
    return [parent.name.text];
  if (!ts.isVariableDeclaration(parent)) return undefined;
  let binding: ts.BindingName | undefined = parent.name;
  if (index !== undefined) {
    if (!ts.isArrayBindingPattern(binding)) return undefined;
    const element = binding.elements[index];
    binding = element && ts.isBindingElement(element) ? element.name : undefined;
  }
  if (binding === undefined) return [];
  if (ts.isIdentifier(binding)) return namesReadFrom(file, binding.text);
  if (!ts.isObjectBindingPattern(binding)) return undefined;
  const names: string[] = [];
  for (const element of binding.elements) {
    const key = element.propertyName ?? element.name;
    if (element.dotDotDotToken || !ts.isIdentifier(key)) return undefined;
    names.push(key.text);
  }
  return names;
}

interface Imports {
  /** `file: name` of every export another file takes. */
  used: Set<string>;
  /** Modules some file takes whole (`export *`, a namespace passed around). */
  whole: Set<ts.SourceFile>;
}

/** Every export some file of src/ or tests/ takes from another, by `file: name`. */
function importedNames(checker: ts.TypeChecker, files: readonly ts.SourceFile[]): Imports {
  const used = new Set<string>();
  const whole = new Set<ts.SourceFile>();
  const take = (target: ts.SourceFile | undefined, names: readonly string[] | undefined): void => {
    if (target === undefined) return;
    if (names === undefined) whole.add(target);
    else for (const name of names) used.add(keyOf(target.fileName, name));
  };
  for (const file of files) {
    const stack: ts.Node[] = [file];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (ts.isImportDeclaration(node)) {
        const target = moduleFile(checker, node.moduleSpecifier);
        const clause = node.importClause;
        if (clause?.name) take(target, ['default']);
        const bindings = clause?.namedBindings;
        if (bindings && ts.isNamedImports(bindings))
          take(
            target,
            bindings.elements.map((e) => (e.propertyName ?? e.name).text),
          );
        else if (bindings && ts.isNamespaceImport(bindings)) take(target, namesReadFrom(file, bindings.name.text));
        continue;
      }
      if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
        const target = moduleFile(checker, node.moduleSpecifier);
        const clause = node.exportClause;
        if (clause && ts.isNamedExports(clause))
          take(
            target,
            clause.elements.map((e) => (e.propertyName ?? e.name).text),
          );
        else take(target, undefined);
        continue;
      }
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0]) {
        take(moduleFile(checker, node.arguments[0]), namesOfDynamicImport(file, node));
      }
      if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
        const target = moduleFile(checker, node.argument.literal);
        const qualifier = node.qualifier;
        const first = qualifier === undefined ? undefined : ts.isIdentifier(qualifier) ? qualifier : qualifier.left;
        take(target, first && ts.isIdentifier(first) ? [first.text] : undefined);
      }
      ts.forEachChild(node, (child) => void stack.push(child));
    }
  }
  return { used, whole };
}

/**
 * What the generated JavaScript (ajv's standalone validators, outside the Program) imports from
 * src/, by `file: name`: it is read as text, its specifiers resolved by path.
 */
function generatedImports(): string[] {
  const out: string[] = [];
  for (const name of readdirSync(GENERATED).filter((n) => n.endsWith('.js'))) {
    const path = join(GENERATED, name);
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
    for (const statement of file.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const target = resolve(GENERATED, statement.moduleSpecifier.text.replace(/\.js$/, '.ts'));
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings))
        for (const e of bindings.elements) out.push(keyOf(target, (e.propertyName ?? e.name).text));
    }
  }
  return out;
}

/** The symbol a type or value name refers to, with import aliases followed to the declaration. */
function declared(checker: ts.TypeChecker, name: ts.Node): ts.Symbol | undefined {
  const symbol = checker.getSymbolAtLocation(name);
  if (symbol === undefined) return undefined;
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/** The parts of a declaration a reader of its type sees: a function's signature, not its body. */
function typeSurface(decl: ts.Declaration): ts.Node[] {
  if (ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl))
    return [...(decl.typeParameters ?? []), ...decl.parameters, ...(decl.type ? [decl.type] : [])];
  if (ts.isVariableDeclaration(decl)) return decl.type ? [decl.type] : [];
  if (ts.isClassDeclaration(decl))
    return decl.members.flatMap((m) =>
      ts.isMethodDeclaration(m) || ts.isConstructorDeclaration(m)
        ? [...m.parameters, ...(m.type ? [m.type] : [])]
        : ts.isPropertyDeclaration(m) && m.type
          ? [m.type]
          : [],
    );
  return [decl];
}

/**
 * What must stay exported so that what is exported can be named: from the given declarations
 * (the library's exports and every export some file imports), every declaration of src/ the
 * types of their signatures mention, by `file: name`. The library's declarations (dist/index.d.ts)
 * need this, and so does any importer that wants to name what it got.
 */
function namedByTypes(checker: ts.TypeChecker, seeds: Iterable<ts.Symbol>): Set<string> {
  const out = new Set<string>();
  const seen = new Set<ts.Symbol>();
  const queue: ts.Symbol[] = [];
  const reach = (symbol: ts.Symbol | undefined): void => {
    if (symbol === undefined || seen.has(symbol)) return;
    seen.add(symbol);
    queue.push(symbol);
  };
  for (const symbol of seeds) reach(symbol);
  while (queue.length > 0) {
    const symbol = queue.pop()!;
    for (const decl of symbol.declarations ?? []) {
      const file = decl.getSourceFile();
      if (!file.fileName.startsWith(SRC)) continue;
      out.add(keyOf(file.fileName, symbol.name));
      const stack = typeSurface(decl);
      while (stack.length > 0) {
        const node = stack.pop()!;
        if (ts.isTypeReferenceNode(node) || ts.isExpressionWithTypeArguments(node)) {
          const name = ts.isTypeReferenceNode(node) ? node.typeName : node.expression;
          reach(declared(checker, ts.isQualifiedName(name) ? name.right : name));
        } else if (ts.isTypeQueryNode(node)) {
          reach(declared(checker, ts.isQualifiedName(node.exprName) ? node.exprName.right : node.exprName));
        }
        ts.forEachChild(node, (child) => void stack.push(child));
      }
    }
  }
  return out;
}

const resolved = (checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol =>
  symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;

/** Each file's own exports (not those it passes on from another): `file: name` to the declared symbol. */
function ownExports(checker: ts.TypeChecker, files: readonly ts.SourceFile[]): Map<string, ts.Symbol> {
  const out = new Map<string, ts.Symbol>();
  for (const file of files) {
    const moduleSymbol = checker.getSymbolAtLocation(file);
    if (moduleSymbol === undefined) continue;
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
      const target = resolved(checker, symbol);
      if (target.declarations?.some((d) => d.getSourceFile() === file))
        out.set(keyOf(file.fileName, symbol.name), target);
    }
  }
  return out;
}

/**
 * One Program over our files. Declarations from elsewhere (the standard library, node_modules) are
 * read as empty: only which of our files imports what from which is asked, and parsing the rest
 * would take most of the time.
 */
function ourProgram(roots: readonly string[]): ts.Program {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    resolveJsonModule: true,
    noLib: true,
    noEmit: true,
    types: [],
  };
  const host = ts.createCompilerHost(options, true);
  const read = host.getSourceFile.bind(host);
  const ours = [SRC + sep, join(ROOT, 'tests') + sep];
  host.getSourceFile = (name, language, ...rest) =>
    ours.some((dir) => name.startsWith(dir)) ? read(name, language, ...rest) : ts.createSourceFile(name, '', language);
  return ts.createProgram(roots, options, host);
}

describe('exports', () => {
  const sources = typeScriptFiles(SRC).filter((f) => !f.startsWith(GENERATED));
  const tests = typeScriptFiles(join(ROOT, 'tests'));
  const program = ourProgram([...sources, ...tests]);
  const checker = program.getTypeChecker();
  const ours = new Set([...sources, ...tests]);
  const files = program.getSourceFiles().filter((f) => ours.has(f.fileName));
  const srcFiles = files.filter((f) => f.fileName.startsWith(SRC));

  const unused = (): string[] => {
    const { used, whole } = importedNames(checker, files);
    for (const key of generatedImports()) used.add(key);
    const exported = ownExports(checker, srcFiles);
    const wholeFiles = new Set([...whole].map((f) => rel(f.fileName)));
    const taken = (key: string): boolean =>
      key.startsWith(`${rel(ENTRY)}: `) || used.has(key) || wholeFiles.has(key.slice(0, key.indexOf(': ')));
    const needed = namedByTypes(
      checker,
      [...exported].filter(([key]) => taken(key)).map(([, symbol]) => symbol),
    );
    return [...exported.keys()].filter((key) => !taken(key) && !needed.has(key)).sort();
  };
  const found = unused();

  it('exports only what another file imports or the library needs', () => {
    expect(found.filter((key) => !ALLOWED_UNUSED.includes(key))).toEqual([]);
  });

  it('allows no unused export that is no longer there', () => {
    expect(ALLOWED_UNUSED.filter((key) => !found.includes(key))).toEqual([]);
  });
});
