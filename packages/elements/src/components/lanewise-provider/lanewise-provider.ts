import { defineElement } from '../../base/define.js';
import { LanewiseProvider } from './lanewise-provider.component.js';

defineElement('lanewise-provider', LanewiseProvider);

export { LanewiseProvider };

declare global {
  interface HTMLElementTagNameMap {
    'lanewise-provider': LanewiseProvider;
  }
}
