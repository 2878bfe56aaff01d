namespace Odoo.Tests.Shared;

/// <summary>
/// A clock that moves only when the test says so, for tests where time is the subject: a server delay
/// (<see cref="Odoo.Testing.OdooTestServerOptions.TimeProvider"/>) waits until the test advances the clock,
/// so the test decides when it ends instead of measuring how long it took. <see cref="NextTimerAsync"/>
/// tells when code has started waiting on this clock (a timer was created), so the test advances it only then.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _sync = new();
    private readonly List<Timer> _timers = [];
    private readonly Queue<TaskCompletionSource<TimeSpan>> _waiters = new();
    private readonly Queue<TimeSpan> _created = new();
    private DateTimeOffset _now = DateTimeOffset.UtcNow; // starts at the real time (cookies and sessions expire by it), then stands still

    public override DateTimeOffset GetUtcNow()
    {
        lock (_sync) return _now;
    }

    /// <summary>Timers created and neither fired nor disposed.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_sync) return _timers.Count(t => t.Due is not null);
        }
    }

    /// <summary>
    /// Completes (with its due time) when the next timer not yet reported is created on this clock; fails with a
    /// <see cref="TimeoutException"/> if none is within 10 s (a generous budget: nobody started waiting).
    /// </summary>
    public Task<TimeSpan> NextTimerAsync()
    {
        lock (_sync)
        {
            if (_created.TryDequeue(out var due)) return Task.FromResult(due);
            var waiter = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter);
            return waiter.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>Moves the clock forward, firing the timers that fall due (on the calling thread).</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        List<Timer> due;
        lock (_sync)
        {
            _now += by;
            due = [.. _timers.Where(t => t.Due is { } d && d <= _now)];
            foreach (var t in due) t.Due = null;
        }
        foreach (var t in due) t.Fire();
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (period != Timeout.InfiniteTimeSpan) throw new NotSupportedException("Periodic timers are not needed by these tests.");
        var timer = new Timer(this, callback, state);
        TaskCompletionSource<TimeSpan>? waiter;
        lock (_sync)
        {
            _timers.Add(timer);
            if (dueTime != Timeout.InfiniteTimeSpan) timer.Due = _now + dueTime;
            if (!_waiters.TryDequeue(out waiter)) _created.Enqueue(dueTime);
        }
        waiter?.SetResult(dueTime);
        return timer;
    }

    private sealed class Timer(ManualTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due { get; set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._sync) Due = dueTime == Timeout.InfiniteTimeSpan ? null : clock._now + dueTime;
            return true;
        }

        public void Dispose()
        {
            lock (clock._sync)
            {
                Due = null;
                clock._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
