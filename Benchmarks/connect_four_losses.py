"""Where a ConnectFour checkpoint loses to random play, and why.

Plays the checkpoint's actor (greedy, masked, from the mover's view, read from the
safetensors file alone: the MLP's weights, its activation from the hyperparameters) against
a uniformly random opponent, GAMES games on each side, and sorts every loss by the agent's
moves in that game: a win it left on the board, a lone threat it left unblocked, or neither
(the opponent made two threats at once). It also counts, over all games, the agent's moves
that faced a lone threat (and had no win) and how many of them left it open: random play
takes an open threat only one time in about seven, so the losses alone understate how often
the agent misses one.

    .venv/bin/python Benchmarks/connect_four_losses.py RUN/final.safetensors [GAMES]
"""
import json
import sys

import numpy as np
from safetensors import safe_open
from safetensors.numpy import load_file

ROWS, COLUMNS = 6, 7


def actor(path):
    tensors = load_file(path)
    with safe_open(path, "np") as file:
        settings = json.loads(file.metadata()["hyperparameters"])
    activation = {"tanh": np.tanh, "relu": lambda x: np.maximum(x, 0)}[settings.get("activation", "tanh")]
    layers = sorted({int(name.split(".")[1]) for name in tensors if name.startswith("policy.")})
    weights = [(tensors[f"policy.{i}.weight"], tensors[f"policy.{i}.bias"]) for i in layers]

    def logits(planes):
        hidden = planes
        for weight, bias in weights[:-1]:
            hidden = activation(weight @ hidden + bias)
        weight, bias = weights[-1]
        return weight @ hidden + bias

    return logits


def planes(board, mover):
    """Dojo's encoding: row 0 at the top, per cell [mover's piece, opponent's piece]."""
    encoded = np.zeros(ROWS * COLUMNS * 2, np.float32)
    for row in range(ROWS):
        for column in range(COLUMNS):
            owner = board[row][column]
            if owner:
                encoded[(row * COLUMNS + column) * 2 + (0 if owner == mover else 1)] = 1
    return encoded


def legal(board):
    return [column for column in range(COLUMNS) if board[0][column] == 0]


def drop(board, column, player):
    for row in range(ROWS - 1, -1, -1):
        if board[row][column] == 0:
            board[row][column] = player
            return row


def has_four(board, player):
    for row in range(ROWS):
        for column in range(COLUMNS):
            for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
                cells = [(row + dr * k, column + dc * k) for k in range(4)]
                if all(0 <= r < ROWS and 0 <= c < COLUMNS and board[r][c] == player for r, c in cells):
                    return True
    return False


def winning_moves(board, player):
    moves = []
    for column in legal(board):
        row = drop(board, column, player)
        if has_four(board, player):
            moves.append(column)
        board[row][column] = 0
    return moves


def main():
    logits = actor(sys.argv[1])
    games = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    generator = np.random.default_rng(7)
    for side in (1, 2):
        losses = {"left a win": 0, "left a lone threat": 0, "met a double threat": 0}
        draws, threats_faced, threats_left = 0, 0, 0
        for _ in range(games):
            board = [[0] * COLUMNS for _ in range(ROWS)]
            player, blunders = 1, []
            while legal(board):
                if player == side:
                    mask = np.full(COLUMNS, -np.inf)
                    mask[legal(board)] = 0
                    move = int(np.argmax(logits(planes(board, side)) + mask))
                    wins, threats = winning_moves(board, side), winning_moves(board, 3 - side)
                    if wins and move not in wins:
                        blunders.append("left a win")
                    elif len(threats) == 1:
                        threats_faced += 1
                        if move not in threats:
                            threats_left += 1
                            blunders.append("left a lone threat")
                else:
                    move = int(generator.choice(legal(board)))
                drop(board, move, player)
                if has_four(board, player):
                    if player != side:
                        losses[blunders[0] if blunders else "met a double threat"] += 1
                    break
                player = 3 - player
            else:
                draws += 1
        total = sum(losses.values())
        print(f"{'first' if side == 1 else 'second'}: won {games - total - draws} of {games}, lost {total}, drew {draws}; losses: {losses}; "
              f"lone threats faced {threats_faced}, left open {threats_left}")


if __name__ == "__main__":
    main()
