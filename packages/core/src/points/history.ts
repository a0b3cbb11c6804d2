/**
 * Each account's transfers as a chain back through the transfers: transfer `n` (its place in
 * the order transfers were made) records the number of the previous transfer of its `from`
 * account and of its `to` account, and each account knows its newest.
 *
 * Why not an array of events per account: that is two pushes into scattered arrays per
 * transfer (each a cache miss) and 8 bytes per entry; the chain appends two 32-bit numbers to
 * one array, and only `history()` pays, in a walk over that account's own transfers.
 */
export class TransferLinks {
  /** Pairs `[previous of from, previous of to]`, -1 for none, indexed by transfer number. */
  private links = new Int32Array(2 * 64);

  /** Records transfer `n` (made in order: `n` is the number of transfers before it). */
  link(n: number, debit: { newest: number }, credit: { newest: number }): void {
    if (2 * n + 1 >= this.links.length) this.grow();
    const links = this.links;
    links[2 * n] = debit.newest;
    // A transfer from an account to itself (only from a hand-made log) is one link, seen twice.
    links[2 * n + 1] = debit === credit ? debit.newest : credit.newest;
    debit.newest = n;
    credit.newest = n;
  }

  /** The transfers of account `name`, oldest first; `newest` is its newest transfer number. */
  of<E extends { readonly data: { readonly from: string; readonly to: string } }>(
    name: string,
    newest: number,
    transfer: (n: number) => E,
  ): E[] {
    const found: E[] = [];
    for (let n = newest; n >= 0;) {
      const event = transfer(n);
      const { from, to } = event.data;
      found.push(event);
      if (from === to) found.push(event);
      n = this.links[from === name ? 2 * n : 2 * n + 1] as number;
    }
    return found.reverse();
  }

  private grow(): void {
    const links = new Int32Array(this.links.length * 2);
    links.set(this.links);
    this.links = links;
  }
}
