import { createContext, useContext } from "react";

// The CSP nonce of the response being rendered on the server. In the browser it is empty:
// browsers hide nonce attributes from scripts, and hydration does not need it.
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
