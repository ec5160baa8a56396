import { Link } from 'react-router-dom';
import { EmptyState } from '../components/empty-state';

export default function NotFoundPage() {
  return (
    <EmptyState icon="alert" title="Page not found">
      <p>
        There is nothing at this address. <Link to="/customers">Go to customers</Link>.
      </p>
    </EmptyState>
  );
}
