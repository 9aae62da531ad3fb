"""Connected groups of 0..n-1 (union-find), each named by its smallest member: near-copy
paragraphs in one source (clean.py), sources that copy one another (families.py)."""

from __future__ import annotations


class Groups:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def root(self, i: int) -> int:
        """The smallest member of i's group."""
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
