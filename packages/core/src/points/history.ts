/**
 * Each account's transfers as a chain back through the transfers: transfer `n` (its row in
 * the transfer table) records the number of the previous transfer of its `from`
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

  /** The rows of account number `account`'s transfers, oldest first; `newest` is its newest row. */
  of(
    account: number,
    newest: number,
    table: { debit(row: number): number; credit(row: number): number },
  ): number[] {
    const found: number[] = [];
    for (let row = newest; row >= 0;) {
      const debit = table.debit(row);
      found.push(row);
      if (debit === table.credit(row)) found.push(row);
      row = this.links[debit === account ? 2 * row : 2 * row + 1] as number;
    }
    return found.reverse();
  }

  private grow(): void {
    const links = new Int32Array(this.links.length * 2);
    links.set(this.links);
    this.links = links;
  }
}
