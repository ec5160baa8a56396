/** The page of a signed-out visitor (sign in, accept an invite): one centred card under the brand. */
import type { ReactNode } from 'react';
import { Brand } from './brand';

export function AuthCard({ children }: { children: ReactNode }) {
  return (
    <div className="login-page">
      <div className="login-card card">
        <div className="card-body">
          <Brand centered />
          {children}
        </div>
      </div>
    </div>
  );
}
