# License LGPL-3.
from . import models
