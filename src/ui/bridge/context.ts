/**
 * BridgeContext hands the one Bridge to components (useBridge), so features never create
 * workers of their own and tests can render them against a fake.
 */
import { createContext, useContext } from 'react';
import type { Bridge } from './bridge.ts';

export const BridgeContext = createContext<Bridge | undefined>(undefined);

/** useBridge returns the app's Bridge. */
export function useBridge(): Bridge {
  const b = useContext(BridgeContext);
  if (!b) throw new Error('useBridge outside <BridgeContext.Provider>');
  return b;
}
