/**
 * Team pins around the comparison, for the popup and the full page: the
 * active pin leads (before the verdict), the pins section follows the verdict.
 */
import type { ComparisonSlots } from '../comparison/ComparisonView';
import { ActivePinLead } from './ActivePinLead';
import { PinsSection } from './PinsSection';
import './pins.css';

export const pinsSlots: ComparisonSlots = {
  lead: (view) => <ActivePinLead {...view} />,
  section: (view) => <PinsSection {...view} />,
};
