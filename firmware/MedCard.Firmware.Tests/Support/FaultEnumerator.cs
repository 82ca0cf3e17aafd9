using System.Collections;
using MedCard.Firmware.Tests.Fakes;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// Runs a workload under every single fault and every pair of faults, systematically:
    /// <list type="number">
    /// <item>a clean run logs the storage operations of the armed part (their kind and, for writes, their length);</item>
    /// <item>singles: at every logged operation, every fault that operation can suffer (<see cref="SingleFaults"/>: for a
    /// write a power cut leaving the file untouched, missing, landed, truncated at every byte, overwritten in place at
    /// every byte, garbled at every byte, and a transient error leaving it untouched, missing, landed or truncated at every
    /// byte; for a delete a cut or an error before or after it took effect; for a read or exists a cut or an error);</item>
    /// <item>pairs: at every logged operation, every fault of the smaller set <see cref="PairFaults"/>; a probe run with
    /// that first fault logs what the faulted run really does (reboots included), and the second fault goes, in turn,
    /// on every later operation of it, again with every fault of the smaller set.</item>
    /// </list>
    /// Each scenario starts from a fresh copy of the same store. Violations are counted; the first few are kept.
    /// </summary>
    public sealed class FaultEnumerator
    {
        private const int KeptViolations = 5;

        private readonly IFaultWorkload _workload;
        private readonly FakeByteStore _snapshot;
        private readonly ArrayList _violations = new ArrayList();

        /// <summary>Scenarios run with one fault.</summary>
        public int Singles;

        /// <summary>Scenarios run with two faults (both fired).</summary>
        public int Pairs;

        /// <summary>Storage operations of the clean armed run.</summary>
        public int CleanOps;

        /// <summary>Scenarios that broke an invariant.</summary>
        public int Failed;

        // Breakdown for the summary: operations of the clean run by kind; singles by what they do; pairs by the two kinds.
        private readonly int[] _cleanByOp = new int[4];
        private int _singleCuts;
        private int _singleTorn;
        private int _singleErrors;
        private readonly int[] _pairsByKinds = new int[4];

        public FaultEnumerator(IFaultWorkload workload, FakeByteStore snapshot)
        {
            _workload = workload;
            _snapshot = snapshot;
        }

        /// <summary>Singles plus pairs.</summary>
        public int Scenarios
        {
            get { return Singles + Pairs; }
        }

        /// <summary>One line: the clean run's operations, the scenarios by kind, the failures.</summary>
        public string Summary()
        {
            string s = CleanOps.ToString() + " storage operations in a clean run (" + _cleanByOp[(int)StorageOp.Write].ToString() + " writes, "
                + _cleanByOp[(int)StorageOp.Read].ToString() + " reads, " + _cleanByOp[(int)StorageOp.Delete].ToString() + " deletes, "
                + _cleanByOp[(int)StorageOp.Exists].ToString() + " exists); ";
            if (Singles > 0)
            {
                s += Singles.ToString() + " single-fault scenarios (" + _singleCuts.ToString() + " power cuts, " + _singleTorn.ToString()
                    + " torn writes at every byte, " + _singleErrors.ToString() + " transient errors); ";
            }

            if (Pairs > 0)
            {
                s += Pairs.ToString() + " two-fault scenarios (cut+cut " + _pairsByKinds[0].ToString() + ", cut+error " + _pairsByKinds[1].ToString()
                    + ", error+cut " + _pairsByKinds[2].ToString() + ", error+error " + _pairsByKinds[3].ToString() + "); ";
            }

            return s + Failed.ToString() + " failed";
        }

        /// <summary>The first violations, one per line (empty when none).</summary>
        public string Violations()
        {
            string s = string.Empty;
            for (int i = 0; i < _violations.Count; i++)
            {
                s += "\n  " + (string)_violations[i];
            }

            return s;
        }

        /// <summary>The clean run: logs the armed operations; returns the violation of the clean run itself, or null.</summary>
        public string RunClean()
        {
            FakeByteStore store = Fresh();
            _workload.Start(store);
            int baseOps = store.Ops;
            store.Log = new ArrayList();
            _workload.RunArmed();
            ArrayList log = store.Log;
            store.Log = null;
            CleanOps = log.Count;
            for (int i = 0; i < log.Count; i++)
            {
                _cleanByOp[(int)((LoggedOp)log[i]).Op]++;
            }

            _cleanLog = log;
            _cleanBase = baseOps;
            return _workload.Finish();
        }

        private ArrayList _cleanLog;
        private int _cleanBase;

        /// <summary>Every single fault at every operation of the clean run.</summary>
        public void RunSingles()
        {
            for (int i = 0; i < _cleanLog.Count; i++)
            {
                LoggedOp op = (LoggedOp)_cleanLog[i];
                ArrayList faults = SingleFaults(op);
                for (int f = 0; f < faults.Count; f++)
                {
                    StorageFault fault = (StorageFault)faults[f];
                    RunScenario(fault, null);
                    Singles++;
                    if (fault.Effect == FaultEffect.Truncated || fault.Effect == FaultEffect.NewPrefixOldSuffix || fault.Effect == FaultEffect.Garbled)
                    {
                        _singleTorn++;
                    }
                    else if (fault.Kind == FaultKind.PowerCut)
                    {
                        _singleCuts++;
                    }
                    else
                    {
                        _singleErrors++;
                    }
                }
            }
        }

        /// <summary>Every pair: first fault at an operation of the clean run, second at every later operation of the faulted run.</summary>
        public void RunPairs()
        {
            for (int i = 0; i < _cleanLog.Count; i++)
            {
                LoggedOp op = (LoggedOp)_cleanLog[i];
                ArrayList firsts = PairFaults(op);
                for (int f = 0; f < firsts.Count; f++)
                {
                    StorageFault first = (StorageFault)firsts[f];
                    ArrayList probe = Probe(first);
                    for (int j = 0; j < probe.Count; j++)
                    {
                        LoggedOp later = (LoggedOp)probe[j];
                        if (later.Number <= first.AtOp)
                        {
                            continue;
                        }

                        ArrayList seconds = PairFaults(later);
                        for (int g = 0; g < seconds.Count; g++)
                        {
                            StorageFault a = Copy(first);
                            StorageFault b = (StorageFault)seconds[g];
                            RunScenario(a, b);
                            if (b.Fired)
                            {
                                Pairs++;
                                _pairsByKinds[((int)a.Kind * 2) + (int)b.Kind]++;
                            }
                        }
                    }
                }
            }
        }

        // Every fault one operation can suffer. Operation numbers are absolute (the boot before arming included).
        private ArrayList SingleFaults(LoggedOp op)
        {
            ArrayList list = new ArrayList();
            int at = op.Number;
            switch (op.Op)
            {
                case StorageOp.Write:
                    list.Add(new StorageFault(at, FaultKind.PowerCut, FaultEffect.Untouched, 0));
                    list.Add(new StorageFault(at, FaultKind.PowerCut, FaultEffect.Missing, 0));
                    list.Add(new StorageFault(at, FaultKind.PowerCut, FaultEffect.Landed, 0));
                    list.Add(new StorageFault(at, FaultKind.TransientError, FaultEffect.Untouched, 0));
                    list.Add(new StorageFault(at, FaultKind.TransientError, FaultEffect.Missing, 0));
                    list.Add(new StorageFault(at, FaultKind.TransientError, FaultEffect.Landed, 0));
                    for (int k = 0; k < op.Length; k++)
                    {
                        list.Add(new StorageFault(at, FaultKind.PowerCut, FaultEffect.Truncated, k));
                        list.Add(new StorageFault(at, FaultKind.PowerCut, FaultEffect.NewPrefixOldSuffix, k));
                        list.Add(new StorageFault(at, FaultKind.PowerCut, FaultEffect.Garbled, k));
                        list.Add(new StorageFault(at, FaultKind.TransientError, FaultEffect.Truncated, k));
                    }

                    break;
                case StorageOp.Delete:
                    list.Add(new StorageFault(at, FaultKind.PowerCut, FaultEffect.Untouched, 0));
                    list.Add(new StorageFault(at, FaultKind.PowerCut, FaultEffect.Missing, 0));
                    list.Add(new StorageFault(at, FaultKind.TransientError, FaultEffect.Untouched, 0));
                    list.Add(new StorageFault(at, FaultKind.TransientError, FaultEffect.Missing, 0));
                    break;
                default:
                    list.Add(new StorageFault(at, FaultKind.PowerCut, FaultEffect.Untouched, 0));
                    list.Add(new StorageFault(at, FaultKind.TransientError, FaultEffect.Untouched, 0));
                    break;
            }

            return list;
        }

        // The smaller set for pairs: for a write, cut or error leaving the file untouched, landed or torn half way.
        private static ArrayList PairFaults(LoggedOp op)
        {
            ArrayList list = new ArrayList();
            int at = op.Number;
            switch (op.Op)
            {
                case StorageOp.Write:
                    for (int kind = 0; kind < 2; kind++)
                    {
                        list.Add(new StorageFault(at, (FaultKind)kind, FaultEffect.Untouched, 0));
                        list.Add(new StorageFault(at, (FaultKind)kind, FaultEffect.Landed, 0));
                        list.Add(new StorageFault(at, (FaultKind)kind, FaultEffect.Truncated, op.Length / 2));
                    }

                    break;
                case StorageOp.Delete:
                    for (int kind = 0; kind < 2; kind++)
                    {
                        list.Add(new StorageFault(at, (FaultKind)kind, FaultEffect.Untouched, 0));
                        list.Add(new StorageFault(at, (FaultKind)kind, FaultEffect.Missing, 0));
                    }

                    break;
                default:
                    list.Add(new StorageFault(at, FaultKind.PowerCut, FaultEffect.Untouched, 0));
                    list.Add(new StorageFault(at, FaultKind.TransientError, FaultEffect.Untouched, 0));
                    break;
            }

            return list;
        }

        // The operations a run with only the first fault performs while armed.
        private ArrayList Probe(StorageFault first)
        {
            FakeByteStore store = Fresh();
            _workload.Start(store);
            store.Log = new ArrayList();
            store.Arm(Copy(first), null);
            _workload.RunArmed();
            store.Disarm();
            ArrayList log = store.Log;
            store.Log = null;
            return log;
        }

        private void RunScenario(StorageFault first, StorageFault second)
        {
            FakeByteStore store = Fresh();
            _workload.Start(store);
            if (store.Ops != _cleanBase)
            {
                Record("the boot before the faults is not deterministic (" + store.Ops.ToString() + " ops, clean run " + _cleanBase.ToString() + ")");
                return;
            }

            store.Arm(first, second);
            _workload.RunArmed();
            store.Disarm();
            string violation = _workload.Finish();
            if (violation != null)
            {
                Record(first.Describe() + (second == null ? string.Empty : " + " + second.Describe()) + ": " + violation);
            }
        }

        private void Record(string violation)
        {
            Failed++;
            if (_violations.Count < KeptViolations)
            {
                _violations.Add(violation);
            }
        }

        private FakeByteStore Fresh()
        {
            FakeByteStore store = new FakeByteStore();
            store.CopyFilesFrom(_snapshot);
            return store;
        }

        private static StorageFault Copy(StorageFault f)
        {
            return new StorageFault(f.AtOp, f.Kind, f.Effect, f.Offset);
        }
    }
}
