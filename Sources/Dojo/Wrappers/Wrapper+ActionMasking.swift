/// Wrappers pass the wrapped environment's action mask through, so a masked policy can read it
/// from whatever `make` returns without unwrapping.
extension Wrapper where Base: ActionMasking {
    public var actionMask: [Bool] { base.actionMask }
}

extension TimeLimit: ActionMasking where Base: ActionMasking {}
extension OrderEnforcing: ActionMasking where Base: ActionMasking {}
extension RecordEpisodeStatistics: ActionMasking where Base: ActionMasking {}
extension TransformReward: ActionMasking where Base: ActionMasking {}
extension TransformObservation: ActionMasking where Base: ActionMasking {}
extension FlattenObservation: ActionMasking where Base: ActionMasking {}
extension NormalizeObservation: ActionMasking where Base: ActionMasking {}
extension NormalizeReward: ActionMasking where Base: ActionMasking {}
extension FrameStack: ActionMasking where Base: ActionMasking {}
