import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What failed, in the user's words ("Key differences"). */
  name: string;
  children: ReactNode;
}

/**
 * Contains a rendering failure to one part of a page: that part says what
 * failed and why, and everything around it keeps working. (A React error
 * without a boundary blanks the whole page.)
 */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[Engine Lens] "${this.props.name}" failed to render`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="card section-error" role="alert">
        <h2>{this.props.name} could not be shown</h2>
        <p>{error.message}</p>
      </section>
    );
  }
}
