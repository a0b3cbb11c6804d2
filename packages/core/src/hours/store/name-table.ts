/**
 * Names that recur across many rows (the organisers who record and approve), each kept once
 * and known by a small number, so that a row holds a small integer rather than a pointer
 * for the garbage collector to follow.
 */
export class NameTable {
  private readonly names: string[] = [];
  private readonly numbers = new Map<string, number>();
  /** The name asked for last and its number: one organiser mostly makes many moves in a row. */
  private lastName = '';
  private lastNumber = -1;

  /** The number of `name`, given it one if it has none. */
  numberOf(name: string): number {
    if (this.lastNumber >= 0 && name === this.lastName) return this.lastNumber;
    let number = this.numbers.get(name);
    if (number === undefined) {
      number = this.names.length;
      this.names.push(name);
      this.numbers.set(name, number);
    }
    this.lastName = name;
    this.lastNumber = number;
    return number;
  }

  /** The name numbered `number`. */
  name(number: number): string {
    return this.names[number]!;
  }
}
