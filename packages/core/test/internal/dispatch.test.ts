import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDispatcher, Subscribable } from '../../src/internal/dispatch.js';

describe('dispatcher', () => {
  it('tells listeners only after the outermost command, in order', () => {
    const dispatcher = createDispatcher();
    const changes = new Subscribable<string>(dispatcher);
    const heard: string[] = [];
    changes.subscribe((change) => heard.push(change));
    dispatcher.run(() => {
      changes.emit('a');
      dispatcher.run(() => changes.emit('b'));
      assert.deepEqual(heard, [], 'a listener ran inside a command');
    });
    assert.deepEqual(heard, ['a', 'b']);
  });

  it('runs a command started by a listener after the current one', () => {
    const dispatcher = createDispatcher();
    const changes = new Subscribable<string>(dispatcher);
    const order: string[] = [];
    changes.subscribe((change) => {
      order.push(`first heard ${change}`);
      if (change === 'a') dispatcher.run(() => changes.emit('b'));
    });
    changes.subscribe((change) => order.push(`second heard ${change}`));
    dispatcher.run(() => changes.emit('a'));
    assert.deepEqual(order, ['first heard a', 'second heard a', 'first heard b', 'second heard b']);
  });

  it('gives a listener’s error to onListenerError and tells the other listeners', () => {
    const errors: unknown[] = [];
    const dispatcher = createDispatcher({ onListenerError: (error) => errors.push(error) });
    const changes = new Subscribable<number>(dispatcher);
    const heard: number[] = [];
    changes.subscribe(() => {
      throw new Error('listener broke');
    });
    changes.subscribe((change) => heard.push(change));
    const result = dispatcher.run(() => {
      changes.emit(1);
      return 'written';
    });
    assert.equal(result, 'written');
    assert.deepEqual(heard, [1]);
    assert.equal((errors[0] as Error).message, 'listener broke');
  });

  it('does not tell a listener that stopped before its turn, nor one added after the change', () => {
    const dispatcher = createDispatcher();
    const changes = new Subscribable<number>(dispatcher);
    const heard: string[] = [];
    let stopSecond = () => {};
    changes.subscribe((change) => {
      heard.push(`first ${change}`);
      stopSecond();
      changes.subscribe((later) => heard.push(`late ${later}`));
    });
    stopSecond = changes.subscribe((change) => heard.push(`second ${change}`));
    dispatcher.run(() => changes.emit(1));
    assert.deepEqual(heard, ['first 1']);
    assert.equal(changes.listening, true);
  });
});
