from . import lrmx
