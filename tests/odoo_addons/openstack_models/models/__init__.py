# License LGPL-3.
from . import openstack
from . import standard
