/** Small valid pieces that rule cases combine: a root unit leading one function. */
export const root = 'id: root\nkind: office\nname: Root\nfunctions:\n  f1: lead\n';
export const f1 = 'id: f1\nname: First function\n';
export const valid = { 'units/root.yaml': root, 'functions/f1.yaml': f1 };

/** A unit file under `root` with the given extra lines. */
export function unit(id: string, extra = '', kind = 'department', parent = 'root'): string {
  return `id: ${id}\nkind: ${kind}\nname: ${id}\nparent: ${parent}\nfunctions:\n  f1: participant\n${extra}`;
}
