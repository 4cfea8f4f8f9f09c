/** `next/cache` outside a Next request: record what would have been revalidated. */
export const revalidated: string[] = [];
export function revalidatePath(path: string) {
  revalidated.push(path);
}
export function revalidateTag(tag: string) {
  revalidated.push(`tag:${tag}`);
}
export function updateTag(tag: string) {
  revalidated.push(`tag:${tag}`);
}
