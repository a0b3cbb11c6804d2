import { defineElement } from '../../base/define.js';
import { VolunteerCertificate } from './volunteer-certificate.component.js';

defineElement('volunteer-certificate', VolunteerCertificate);

export { VolunteerCertificate };
export type { CertificatePrintDetail } from './volunteer-certificate.component.js';

declare global {
  interface HTMLElementTagNameMap {
    'volunteer-certificate': VolunteerCertificate;
  }
}
