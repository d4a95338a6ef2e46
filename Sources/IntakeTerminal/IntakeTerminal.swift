import CNCursesW
import IntakeCore
