using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Client.Internal
{
    internal static class TaskExtensions
    {
        /// <summary>Awaits <paramref name="task"/> but gives up when <paramref name="cancellationToken"/> fires
        /// (netstandard2.0 has no Task.WaitAsync; the abandoned task ends when its response is disposed).</summary>
        public static async Task WithCancellation(this Task task, CancellationToken cancellationToken)
        {
            if (!cancellationToken.CanBeCanceled || task.IsCompleted)
            {
                await task.ConfigureAwait(false);
                return;
            }
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetCanceled(cancellationToken)))
            {
                var first = await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false);
                if (first != task)
                    _ = task.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
                await first.ConfigureAwait(false);
            }
        }
    }
}
