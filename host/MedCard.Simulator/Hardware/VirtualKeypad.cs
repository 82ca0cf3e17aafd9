using System;
using System.Collections.Concurrent;
using System.Threading;
using MedCard.Firmware.Hardware;
using MedCard.Firmware.Keypad;

namespace MedCard.Simulator.Hardware;

/// <summary>
/// A matrix keypad pressed by a virtual holder. Keys typed with <see cref="Type(string)"/> wait in a queue; while the
/// reader is in PIN entry (<see cref="Armed"/>) they are pressed one at a time, each held down for
/// <see cref="HoldMs"/> and released for <see cref="GapMs"/>, so the firmware's scanner sees real row/column
/// contacts and applies its own debounce. A phase ends only once the scanner's own scans have seen it for
/// that long (first to last scan of the phase), so a starved poll thread (a loaded test machine) slows the
/// finger down instead of making it press keys the scanner never saw. When PIN entry ends, keys still queued
/// are dropped (a holder stops typing when the prompt goes away). Only the poll thread calls the
/// <see cref="IKeypadPins"/> members.
/// </summary>
internal sealed class VirtualKeypad : IKeypadPins
{
    private readonly KeypadLayout _layout;
    private readonly IMonotonicClock _clock;
    private readonly ConcurrentQueue<char> _typed = new();
    private int _drivenRow = -1;
    private int _downRow = -1;
    private int _downColumn = -1;
    private long _phaseFirstScanMs = -1;
    private long _phaseLastScanMs;
    private bool _releasing;
    private bool _armed;
    private long _pressed;

    public VirtualKeypad(KeypadLayout layout, IMonotonicClock clock, int holdMs, int gapMs)
    {
        _layout = layout ?? throw new ArgumentNullException(nameof(layout));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        HoldMs = holdMs > 0 ? holdMs : throw new ArgumentOutOfRangeException(nameof(holdMs));
        GapMs = gapMs > 0 ? gapMs : throw new ArgumentOutOfRangeException(nameof(gapMs));
    }

    public int HoldMs { get; }

    public int GapMs { get; }

    public int RowCount => _layout.RowCount;

    public int ColumnCount => _layout.ColumnCount;

    /// <summary>Keys pressed and released so far (never which ones: the PIN is not observable here).</summary>
    public long KeysPressed => Interlocked.Read(ref _pressed);

    /// <summary>Keys waiting to be pressed.</summary>
    public int Pending => _typed.Count;

    /// <summary>
    /// Queue keys as printed on the keypad ("123456#"; '*' cancels, 'D' or 'C' clear on a 4x4 pad).
    /// Characters that are not on the keypad throw, so a script with a typo fails loudly.
    /// </summary>
    public void Type(string keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (char key in keys)
        {
            if (!TryFind(key, out _, out _))
            {
                throw new ArgumentException("'" + key + "' is not a key of this keypad.", nameof(keys));
            }
        }

        foreach (char key in keys)
        {
            _typed.Enqueue(key);
        }
    }

    /// <summary>
    /// For a caller that drives the reader core itself (one pass of its own loop, before each tick): arm the finger
    /// while the reader is in PIN entry and move it on by the clock given at construction.
    /// </summary>
    public void Step(bool readerInPinEntry)
    {
        Armed = readerInPinEntry;
        Advance();
    }

    /// <summary>Queue one key (as <see cref="Type(string)"/>), for callers that hold a PIN as characters, never as a string.</summary>
    public void Type(char key)
    {
        if (!TryFind(key, out _, out _))
        {
            throw new ArgumentException("'" + key + "' is not a key of this keypad.", nameof(key));
        }

        _typed.Enqueue(key);
    }

    /// <summary>Set by the simulator loop each pass: true while the reader is in PIN entry.</summary>
    internal bool Armed
    {
        get => _armed;
        set
        {
            if (_armed && !value)
            {
                _typed.Clear();
                Release();
            }

            _armed = value;
        }
    }

    /// <summary>Advance the virtual finger: called by the simulator loop before each reader tick.</summary>
    internal void Advance()
    {
        if (!_armed)
        {
            return;
        }

        if (_downRow >= 0)
        {
            if (PhaseSeenFor(HoldMs))
            {
                Release();
                _releasing = true;
                StartPhase();
                Interlocked.Increment(ref _pressed);
            }

            return;
        }

        if (_releasing && !PhaseSeenFor(GapMs))
        {
            return;
        }

        _releasing = false;
        if (_typed.TryDequeue(out char key) && TryFind(key, out int row, out int column))
        {
            _downRow = row;
            _downColumn = column;
            StartPhase();
        }
    }

    public void DriveRow(int row) => _drivenRow = row;

    /// <summary>The scanner ends every scan here: the scan times tell how long the current phase has been seen.</summary>
    public void ReleaseRows()
    {
        _drivenRow = -1;
        long now = _clock.NowMs;
        if (_phaseFirstScanMs < 0)
        {
            _phaseFirstScanMs = now;
        }

        _phaseLastScanMs = now;
    }

    public int ReadColumns() => _downRow >= 0 && _downRow == _drivenRow ? 1 << _downColumn : 0;

    private void StartPhase() => _phaseFirstScanMs = -1;

    private bool PhaseSeenFor(int ms) => _phaseFirstScanMs >= 0 && _phaseLastScanMs - _phaseFirstScanMs >= ms;

    private void Release()
    {
        _downRow = -1;
        _downColumn = -1;
    }

    private bool TryFind(char key, out int row, out int column)
    {
        for (row = 0; row < _layout.RowCount; row++)
        {
            for (column = 0; column < _layout.ColumnCount; column++)
            {
                if (_layout.KeyAt(row, column) == key)
                {
                    return true;
                }
            }
        }

        row = column = -1;
        return false;
    }
}
