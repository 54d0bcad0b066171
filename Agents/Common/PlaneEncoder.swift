import NeuralCore

/// The convolutional front of a network for plane observations, shared by the Q-networks and
/// the actor-critics: it unfolds flattened observations (``Unflatten``), moves channel-last
/// planes to the front (``Permute``), applies a 3x3 convolution with padding 1 and ReLU per
/// width in `channels`, and flattens again, so the whole network stays one module a file
/// rebuilds.
///
/// Planes are channels-first (`[channels, rows, columns]`, GridWorld's) unless the last axis is
/// strictly the smallest (`[rows, columns, channels]`, a board game's), as Stable-Baselines3
/// decides when it transposes images.
enum PlaneEncoder {
    /// The layers for observations of `observationShape` and the width of their flat output:
    /// no layers and the flattened size unless the shape has three axes and `channels` is not
    /// empty.
    static func layers(
        observationShape: [Int], channels: [Int], using generator: inout some RandomNumberGenerator
    ) -> (layers: [any Layer], width: Int) {
        guard observationShape.count == 3, !channels.isEmpty else { return ([], observationShape.reduce(1, *)) }
        let channelsLast = observationShape[2] < observationShape[0] && observationShape[2] < observationShape[1]
        let (inputChannels, area) = channelsLast
            ? (observationShape[2], observationShape[0] * observationShape[1])
            : (observationShape[0], observationShape[1] * observationShape[2])
        var layers: [any Layer] = [Unflatten(shape: observationShape)]
        if channelsLast { layers.append(Permute(dims: [0, 3, 1, 2])) }
        var inChannels = inputChannels
        for outChannels in channels {
            layers.append(Conv2D(inChannels: inChannels, outChannels: outChannels, kernelSize: 3, padding: 1, using: &generator))
            layers.append(ReLU())
            inChannels = outChannels
        }
        layers.append(Flatten())
        return (layers, inChannels * area)
    }
}
