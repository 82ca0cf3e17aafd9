namespace MedCard.Firmware.Tests.Fakes
{
    /// <summary>One injected fault: at storage operation number <see cref="AtOp"/> of a <see cref="FakeByteStore"/>.</summary>
    public sealed class StorageFault
    {
        /// <summary>1-based operation number, counted by <see cref="FakeByteStore.Ops"/>.</summary>
        public int AtOp;

        /// <summary>Power cut or transient error.</summary>
        public FaultKind Kind;

        /// <summary>What a faulted Write or Delete leaves behind.</summary>
        public FaultEffect Effect;

        /// <summary>Byte offset for the torn effects.</summary>
        public int Offset;

        /// <summary>The operation it hit (set when it fires).</summary>
        public StorageOp HitOp;

        /// <summary>The file it hit (set when it fires).</summary>
        public string HitName;

        /// <summary>True once it fired.</summary>
        public bool Fired;

        public StorageFault(int atOp, FaultKind kind, FaultEffect effect, int offset)
        {
            AtOp = atOp;
            Kind = kind;
            Effect = effect;
            Offset = offset;
        }

        /// <summary>Short description for assertion messages, e.g. "op 7 Write ctr.1: cut Truncated@5".</summary>
        public string Describe()
        {
            string s = "op " + AtOp.ToString();
            if (Fired)
            {
                s += " " + OpName(HitOp) + " " + HitName;
            }

            s += Kind == FaultKind.PowerCut ? ": cut " : ": error ";
            return s + EffectName(Effect) + "@" + Offset.ToString();
        }

        private static string OpName(StorageOp op)
        {
            switch (op)
            {
                case StorageOp.Exists: return "Exists";
                case StorageOp.Read: return "Read";
                case StorageOp.Write: return "Write";
                default: return "Delete";
            }
        }

        private static string EffectName(FaultEffect effect)
        {
            switch (effect)
            {
                case FaultEffect.Untouched: return "Untouched";
                case FaultEffect.Missing: return "Missing";
                case FaultEffect.Truncated: return "Truncated";
                case FaultEffect.NewPrefixOldSuffix: return "NewPrefixOldSuffix";
                case FaultEffect.Garbled: return "Garbled";
                default: return "Landed";
            }
        }
    }
}
