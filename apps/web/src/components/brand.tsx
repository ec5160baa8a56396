/** The Tenure mark and name: atop the sidebar, and centred on the sign-in cards. */
export function Brand({ centered }: { centered?: boolean }) {
  return (
    <div className={centered ? 'brand brand-center' : 'brand'}>
      <span className="brand-mark" aria-hidden="true">
        T
      </span>
      <span className="brand-name">Tenure</span>
    </div>
  );
}
