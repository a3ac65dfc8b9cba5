import type { MouseEvent, ReactNode } from 'react';
import { Link } from 'wouter';
import { entityPath } from '../format';

/** A link to a company's, person's or organisation's page; plain text for anything else. */
export function EntityLink({
  label,
  entityKey,
  children,
  onClick,
}: {
  label: string;
  entityKey: string;
  children: ReactNode;
  onClick?: (event: MouseEvent) => void;
}) {
  const href = entityPath(label, entityKey);
  if (!href) return <>{children}</>;
  return (
    <Link href={href} {...(onClick ? { onClick } : {})}>
      {children}
    </Link>
  );
}
